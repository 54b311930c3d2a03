import AgricultureIcon from '@mui/icons-material/Agriculture';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDay } from '../common/dates';
import { useStats } from '../stats/use-stats';

interface DueHouseholds {
  totalCount: number;
  edges: {
    node: { id: string; poor: boolean; lastVisitedOn: string | null; household: { address: string } | null };
  }[];
}

const SHOWN = 8;

/**
 * A stationed cadre's day, first on the home page: log a visit, and the households due for one (poor households
 * monthly, the others quarterly), longest unseen first; a tap opens the visit form on that household. The
 * village's own pages follow; everything else is in the menu.
 */
export const CadreHome = ({ village }: { village: string }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const due = useStats<DueHouseholds>('visits', 'visitsDue', { first: SHOWN });
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`app.villages.home.${key}`, options);
  const households = `/households?filter=${encodeURIComponent(JSON.stringify({ regionCode: village }))}`;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Stack spacing={2}>
          <Button
            component={Link}
            to="/visits/create"
            variant="contained"
            size="large"
            startIcon={<AgricultureIcon />}
            sx={{ alignSelf: { xs: 'stretch', sm: 'flex-start' }, py: 1.5 }}
          >
            {translate('app.villages.village.log_visit')}
          </Button>
          <section aria-labelledby="visits-due">
            <Typography id="visits-due" variant="subtitle1" component="h2">
              {t('due', { count: due.data?.totalCount ?? '…' })}
            </Typography>
            {due.isPending && <LinearProgress />}
            {due.error && <Alert severity="error">{due.error.message}</Alert>}
            {due.data?.totalCount === 0 && <Typography color="text.secondary">{t('none_due')}</Typography>}
            <List dense disablePadding data-testid="visits-due" sx={{ maxWidth: 640 }}>
              {due.data?.edges.map(({ node }) => (
                <ListItemButton
                  key={node.id}
                  component={Link}
                  to={`/visits/create?householdId=${node.id}`}
                  sx={{ px: 0 }}
                >
                  <ListItemText
                    primary={
                      <>
                        {node.household?.address ?? '—'}
                        {node.poor && (
                          <Chip
                            size="small"
                            color="warning"
                            label={translate('app.resident_tag.POOR_HOUSEHOLD')}
                            sx={{ ml: 1 }}
                          />
                        )}
                      </>
                    }
                    secondary={
                      node.lastVisitedOn
                        ? t('last_visit', { day: formatDay(node.lastVisitedOn, locale) })
                        : t('never')
                    }
                  />
                </ListItemButton>
              ))}
            </List>
          </section>
          <Stack component="nav" direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {[
              { to: `/village?code=${village}`, label: translate('app.villages.village.menu') },
              { to: households, label: t('all_households') },
              { to: '/visits', label: translate('resources.visits.name', { smart_count: 2 }) },
              { to: '/assistances', label: translate('resources.assistances.name', { smart_count: 2 }) },
            ].map((link) => (
              <Button key={link.to} component={Link} to={link.to} variant="outlined">
                {link.label}
              </Button>
            ))}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
