import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useNotify, useTranslate } from 'react-admin';

/** The new key's secret, once: the API keeps only its hash, so this dialog is the only time anyone sees it. */
export const SecretDialog = ({ secret, onClose }: { secret: string; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('app.api_keys.copied', { type: 'success' });
    } catch {
      // No clipboard (an insecure origin, a denied permission): the text is selectable by hand.
      notify('app.api_keys.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="secret-title">
      <DialogTitle id="secret-title">{translate('app.api_keys.secret_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.api_keys.secret_warning')}
        </Alert>
        <Typography
          aria-label={translate('app.api_keys.secret')}
          sx={{
            fontFamily: 'monospace',
            wordBreak: 'break-all',
            userSelect: 'all',
            p: 1.5,
            bgcolor: 'action.hover',
          }}
        >
          {secret}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate('app.api_keys.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('app.api_keys.saved_it')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
