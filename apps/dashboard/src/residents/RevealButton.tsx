import VisibilityIcon from '@mui/icons-material/Visibility';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { MIN_PURPOSE_LENGTH, MAX_PURPOSE_LENGTH } from '@qiangji/domain';
import { useState, type FormEvent } from 'react';
import { Button as RaButton, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { QiangjiDataProvider } from '../data-provider';
import type { ResidentRecord, RevealedResident } from './resident-record';
import { RevealedFields } from './RevealedFields';

/**
 * 查看完整信息: asks why (PIPL art. 51; the API records the purpose in the audit log), then shows the full ID
 * number and phone in the dialog only. They live in this component's state and are dropped on close: not
 * in the record, not in react-admin's query cache, not in a mutation cache.
 */
export const RevealButton = () => {
  const record = useRecordContext<ResidentRecord>();
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [revealed, setRevealed] = useState<RevealedResident | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!record) return null;

  const close = () => {
    setOpen(false);
    setPurpose('');
    setRevealed(null);
    setError(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await dataProvider.command<RevealedResident>('residents', 'reveal', {
        id: record.id,
        purpose: purpose.trim(),
      });
      // After a 401 react-admin signs the user out and hands back an empty result.
      if (result?.idNumber) setRevealed(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : translate('ra.notification.http_error'));
    } finally {
      setPending(false);
    }
  };
  const tooShort = purpose.trim().length < MIN_PURPOSE_LENGTH;

  return (
    <>
      <RaButton label="app.residents.reveal" onClick={() => setOpen(true)}>
        <VisibilityIcon />
      </RaButton>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="reveal-title">
        <form onSubmit={submit}>
          <DialogTitle id="reveal-title">
            {translate('app.residents.reveal_title', { name: record.name })}
          </DialogTitle>
          <DialogContent>
            {revealed ? (
              <RevealedFields revealed={revealed} />
            ) : (
              <>
                <DialogContentText sx={{ mb: 2 }}>
                  {translate('app.residents.reveal_notice')}
                </DialogContentText>
                <TextField
                  autoFocus
                  fullWidth
                  multiline
                  minRows={2}
                  label={translate('app.residents.purpose')}
                  helperText={translate('app.residents.purpose_help', { min: MIN_PURPOSE_LENGTH })}
                  value={purpose}
                  onChange={(event) => setPurpose(event.target.value)}
                  slotProps={{ htmlInput: { maxLength: MAX_PURPOSE_LENGTH } }}
                />
              </>
            )}
            {error && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {error}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{translate('ra.action.close')}</Button>
            {!revealed && (
              <Button type="submit" variant="contained" disabled={tooShort || pending}>
                {translate('app.residents.reveal_confirm')}
              </Button>
            )}
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
