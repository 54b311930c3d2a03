import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { REGION_LEVELS } from '@qiangji/domain';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { TitledTable } from '../common/ShowSections';
import type { RegionDetailRecord } from './region-record';

/** How many regions of each level lie below the record, from the top of the tree down. */
export const DescendantCountsTable = () => {
  const record = useRecordContext<RegionDetailRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const counts = record?.descendantCounts;
  if (!counts?.length) return null;
  const ordered = [...counts].sort((a, b) => REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level));
  return (
    <TitledTable
      title="app.regions.descendant_counts"
      head={
        <>
          <TableCell>{translate('resources.regions.fields.level')}</TableCell>
          <TableCell align="right">{translate('app.regions.count')}</TableCell>
        </>
      }
    >
      {ordered.map(({ level, count }) => (
        <TableRow key={level}>
          <TableCell>{translate(`app.region_level.${level}`)}</TableCell>
          <TableCell align="right">{count.toLocaleString(locale)}</TableCell>
        </TableRow>
      ))}
    </TitledTable>
  );
};
