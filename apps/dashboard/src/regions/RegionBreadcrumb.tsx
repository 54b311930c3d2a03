import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { RegionDetailRecord } from './region-record';

/** From the city down to the record, each ancestor a link: the way back up the tree. */
export const RegionBreadcrumb = () => {
  const record = useRecordContext<RegionDetailRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  // A row from a list's cache has no ancestors yet; a partial trail would jump once the detail arrives.
  if (!record?.ancestors) return null;
  return (
    <Breadcrumbs aria-label={translate('app.regions.breadcrumb')}>
      {record.ancestors.map((ancestor) => (
        <Link key={ancestor.id} to={createPath({ resource: 'regions', id: ancestor.id, type: 'show' })}>
          {ancestor.name}
        </Link>
      ))}
      <Typography color="text.primary" aria-current="page">
        {record.name}
      </Typography>
    </Breadcrumbs>
  );
};
