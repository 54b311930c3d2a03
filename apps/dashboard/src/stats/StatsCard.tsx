import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { Title } from 'react-admin';

/** A statistics page's card: its title (a message key) in the app bar, then its parts one under the other. */
export const StatsCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card sx={{ mt: 2 }}>
    <Title title={title} />
    <CardContent>
      <Stack spacing={3}>{children}</Stack>
    </CardContent>
  </Card>
);

/** A bar while the page's reads are on their way, and the error of one that failed. */
export const ReadProgress = ({ loading, error }: { loading: boolean; error: Error | null }) => (
  <>
    {loading && <LinearProgress />}
    {error && <Alert severity="error">{error.message}</Alert>}
  </>
);
