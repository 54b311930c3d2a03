import InsightsIcon from '@mui/icons-material/Insights';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** What a statistics page says instead of empty axes and tables of zeros. */
export const EmptyState = ({ message }: { message: string }) => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 3 }} role="status">
    <InsightsIcon color="disabled" />
    <Typography color="text.secondary">{message}</Typography>
  </Stack>
);
