import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { ancestorDivisionCodes, isWithinDivision } from '@qiangji/domain';
import { useGetMany, useTranslate } from 'react-admin';
import { Link as RouterLink, type To } from 'react-router-dom';

/**
 * From the user's jurisdiction down to the region shown, each a link to the same page for it: the way back up
 * after a drill-down. Figures above the jurisdiction are refused, so the trail starts at it.
 */
export const RegionTrail = ({
  region,
  current,
  jurisdiction,
  linkTo,
}: {
  region: string;
  /** The shown region's name. */
  current: string;
  jurisdiction: string;
  linkTo: (code: string) => To;
}) => {
  const translate = useTranslate();
  const codes = ancestorDivisionCodes(region).filter((code) => isWithinDivision(code, jurisdiction));
  const { data } = useGetMany('regions', { ids: codes }, { enabled: codes.length > 0 });
  if (!codes.length || !data) return null;
  const names = new Map(data.map((r) => [String(r.id), String(r.name)]));
  return (
    <Breadcrumbs aria-label={translate('app.regions.breadcrumb')}>
      {codes.map((code) => (
        <Link key={code} component={RouterLink} to={linkTo(code)}>
          {names.get(code) ?? code}
        </Link>
      ))}
      <Typography color="text.primary" aria-current="page">
        {current}
      </Typography>
    </Breadcrumbs>
  );
};
