import HistoryIcon from '@mui/icons-material/History';
import LockIcon from '@mui/icons-material/Lock';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Loading, Title, usePermissions, useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { FEATURES } from '../features';

/** Whether the path belongs to a feature (#/disputeCases/…, #/mediation): one the account may not see. */
function isFeaturePath(pathname: string): boolean {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return FEATURES.some(
    (feature) => `/${feature.name}` === first || feature.pages?.some((page) => page.path === first),
  );
}

/**
 * Every path no route took: a feature's page the account's roles do not show (a grid worker opening a link to a
 * dispute case) says so, anything else is not found.
 */
export const CatchAll = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { isPending } = usePermissions();
  if (isPending) return <Loading />;
  const forbidden = isFeaturePath(pathname);
  const Icon = forbidden ? LockIcon : SearchOffIcon;
  const title = translate(forbidden ? 'app.forbidden.title' : 'ra.page.not_found');
  return (
    <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 6, px: 2 }}>
      <Title title={title} />
      <Icon sx={{ fontSize: '4rem' }} color="disabled" />
      <Typography variant="h5" component="h1">
        {title}
      </Typography>
      <Typography color="text.secondary">
        {translate(forbidden ? 'app.forbidden.message' : 'ra.message.not_found')}
      </Typography>
      <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => navigate(-1)}>
        {translate('ra.action.back')}
      </Button>
    </Stack>
  );
};
