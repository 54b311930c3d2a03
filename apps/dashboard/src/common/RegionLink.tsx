import { useRecordContext } from 'react-admin';
import { regionName, type RegionRef } from './region-ref';
import { ShowLink } from './ShowLink';

/**
 * The record's `region` (or `jurisdiction`), already selected with it, as a link to the region's page, by its
 * qualified name (上红社区 · 第1网格, not a bare 第1网格); `label` is read by Labeled and Datagrid.
 */
export const RegionLink = ({
  source = 'region',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext();
  const region = record?.[source] as RegionRef | undefined;
  if (!region) return null;
  return (
    <ShowLink resource="regions" id={region.code}>
      {regionName(region)}
    </ShowLink>
  );
};
