import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { REGION_LEVELS } from '@qiangji/domain';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { RegionDetailRecord } from './region-record';

/** How many regions of each level lie below the record, from the top of the tree down. */
export const DescendantCountsTable = () => {
  const record = useRecordContext<RegionDetailRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const counts = record?.descendantCounts;
  if (!counts?.length) return null;
  const ordered = [...counts].sort((a, b) => REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level));
  const title = translate('app.regions.descendant_counts');
  return (
    <section>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.regions.fields.level')}</TableCell>
            <TableCell align="right">{translate('app.regions.count')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ordered.map(({ level, count }) => (
            <TableRow key={level}>
              <TableCell>{translate(`app.region_level.${level}`)}</TableCell>
              <TableCell align="right">{count.toLocaleString(locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
};
