import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { regionName } from '../common/region-ref';
import { EmptyState } from '../stats/EmptyState';
import type { CommandAlert } from './command-view';
import { alertLink } from './view-state';

const FIRST = 6;

/**
 * The alerts: what needs acting on now in the subtree, each a link to the list that shows it. A kind with
 * nothing to show is left out; recurring disputes name their place (and type).
 */
export const AlertList = ({ alerts }: { alerts: readonly CommandAlert[] }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [all, setAll] = useState(false);
  const present = alerts.filter((a) => a.count > 0);
  // A city has many recurring places: the first few (the most often) stand, the rest behind a button.
  const shown = all ? present : present.slice(0, FIRST);
  const title = translate('app.command_view.alerts');
  return (
    <section aria-label={title}>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      {shown.length === 0 ? (
        <EmptyState message={translate('app.command_view.no_alerts')} />
      ) : (
        <List dense disablePadding>
          {shown.map((alert, i) => {
            const kind = translate(`app.alert_kind.${alert.kind}`);
            const where = alert.kind.startsWith('RECURRING')
              ? [regionName(alert.region), alert.subject && translate(`app.dispute_type.${alert.subject}`)]
                  .filter(Boolean)
                  .join(' · ')
              : null;
            return (
              <ListItem key={`${alert.kind}-${alert.regionCode}-${alert.subject}-${i}`} disableGutters>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <NotificationImportantIcon color="warning" fontSize="small" />
                </ListItemIcon>
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={alertLink(alert)}>
                      {`${kind}：${translate('app.command_view.alert_count', { count: alert.count.toLocaleString(locale) })}`}
                    </Link>
                  }
                  secondary={where}
                />
              </ListItem>
            );
          })}
        </List>
      )}
      {present.length > shown.length && (
        <Button size="small" onClick={() => setAll(true)} data-print="hide">
          {translate('app.command_view.all_alerts', { count: present.length })}
        </Button>
      )}
    </section>
  );
};
