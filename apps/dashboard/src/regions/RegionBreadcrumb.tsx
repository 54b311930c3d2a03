import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import type { RegionDetailRecord } from './region-record';
import { ShowLink } from '../common/ShowLink';

/** From the city down to the record, each ancestor a link: the way back up the tree. */
export const RegionBreadcrumb = () => {
  const record = useRecordContext<RegionDetailRecord>();
  const translate = useTranslate();
  // A row from a list's cache has no ancestors yet; a partial trail would jump once the detail arrives.
  if (!record?.ancestors) return null;
  return (
    <Breadcrumbs aria-label={translate('app.regions.breadcrumb')}>
      {record.ancestors.map((ancestor) => (
        <ShowLink key={ancestor.id} resource="regions" id={ancestor.id}>
          {ancestor.name}
        </ShowLink>
      ))}
      <Typography color="text.primary" aria-current="page">
        {record.name}
      </Typography>
    </Breadcrumbs>
  );
};
