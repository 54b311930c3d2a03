import { Link, useCreatePath, useRecordContext } from 'react-admin';

/**
 * The record's `region` (or `jurisdiction`), already selected with it, as a link to the region's page;
 * `label` is read by Labeled and Datagrid.
 */
export const RegionLink = ({
  source = 'region',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext();
  const createPath = useCreatePath();
  const region = record?.[source] as { code: string; name: string } | undefined;
  if (!region) return null;
  return <Link to={createPath({ resource: 'regions', id: region.code, type: 'show' })}>{region.name}</Link>;
};
