import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatPercent } from '@qiangji/domain';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import Link from '@mui/material/Link';
import type { MediationStats, OverviewParams } from './mediation-stats';
import { overviewSearch } from './mediation-stats';

const COLUMNS = ['accepted', 'mediated', 'mediation_rate', 'open', 'overdue'] as const;

/**
 * The figures of each direct child region (district, township, village …). A row drills down: the same page for
 * that region, same range.
 */
export const ChildRegionTable = ({ stats, params }: { stats: MediationStats; params: OverviewParams }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const title = translate('app.mediation.by_child_region');
  if (stats.byChildRegion.length === 0) return null;
  const to = (code: string) => ({
    pathname: '/mediation',
    search: overviewSearch({ ...params, region: code }),
  });
  return (
    <section>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.mediation.region')}</TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} align="right">
                {translate(`app.mediation.kpi.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {stats.byChildRegion.map((row) => (
            <TableRow
              key={row.regionCode}
              hover
              onClick={() => navigate(to(row.regionCode))}
              sx={{ cursor: 'pointer' }}
            >
              <TableCell>
                <Link component={RouterLink} to={to(row.regionCode)} onClick={(e) => e.stopPropagation()}>
                  {row.region.name}
                </Link>
              </TableCell>
              <TableCell align="right">{row.accepted.toLocaleString(locale)}</TableCell>
              <TableCell align="right">{row.mediated.toLocaleString(locale)}</TableCell>
              <TableCell align="right">{formatPercent(row.mediationRate)}</TableCell>
              <TableCell align="right">{row.open.toLocaleString(locale)}</TableCell>
              <TableCell align="right" sx={{ color: row.overdue > 0 ? 'error.main' : undefined }}>
                {row.overdue.toLocaleString(locale)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
};

/** Per dispute type: what the cohort was made of and how each kind fared. */
export const TypeTable = ({ stats }: { stats: MediationStats }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = translate('app.mediation.by_type');
  if (stats.byType.length === 0) return null;
  return (
    <section>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.disputeCases.fields.type')}</TableCell>
            {COLUMNS.slice(0, 3).map((column) => (
              <TableCell key={column} align="right">
                {translate(`app.mediation.kpi.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {stats.byType.map((row) => (
            <TableRow key={row.type}>
              <TableCell>{translate(`app.dispute_type.${row.type}`)}</TableCell>
              <TableCell align="right">{row.accepted.toLocaleString(locale)}</TableCell>
              <TableCell align="right">{row.mediated.toLocaleString(locale)}</TableCell>
              <TableCell align="right">{formatPercent(row.mediationRate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
};
