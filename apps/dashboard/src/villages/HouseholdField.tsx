import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';

/**
 * The household a visit or an assistance is for, by its address; — where it is for none. `source` (household)
 * names the column; `label` and `sortable` are read by Datagrid and Labeled.
 */
export const HouseholdField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ household?: { address: string } | null }>();
  // body2 and a span, as react-admin's fields.
  return (
    <Typography variant="body2" component="span">
      {record?.household?.address ?? '—'}
    </Typography>
  );
};
