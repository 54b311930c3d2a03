import Chip from '@mui/material/Chip';
import type { RegionLevel } from '@qiangji/domain';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { RegionRecord } from './region-record';

/** A level as a small chip in the current language: the raw enum (COUNTY_CITY) means nothing to an official. */
export const RegionLevelChip = ({ level }: { level: RegionLevel }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate(`app.region_level.${level}`)} />;
};

/** The record's `level` as a chip; `source` and `sortable` are read by Datagrid for the column header. */
export const RegionLevelField = (_props: FieldProps<RegionRecord>) => {
  const record = useRecordContext<RegionRecord>();
  return record ? <RegionLevelChip level={record.level} /> : null;
};
