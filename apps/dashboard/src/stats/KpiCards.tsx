import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';

/** One headline figure, already written out (a count, a rate by formatPercent, "3 / 4"). */
export interface Kpi {
  key: string;
  label: string;
  value: string;
  detail?: string;
  /** A theme colour for a figure that needs attention (overdue cases in error.main). */
  color?: string;
}

/** One figure: a group named by its label, so the label and the value are read out together. */
const KpiCard = ({ label, value, detail, color }: Omit<Kpi, 'key'>) => (
  <Card variant="outlined" role="group" aria-label={label} sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 600, color }} data-kpi-value>
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </CardContent>
  </Card>
);

/** A row of KPI cards that wraps: two a row on a phone, as many as fit on a wide screen. */
export const KpiCards = ({ items }: { items: readonly Kpi[] }) => (
  <Grid container spacing={2}>
    {items.map(({ key, ...kpi }) => (
      <Grid key={key} size={{ xs: 6, sm: 4, md: 4, lg: 'grow' }} sx={{ minWidth: { lg: '10rem' } }}>
        <KpiCard {...kpi} />
      </Grid>
    ))}
  </Grid>
);
