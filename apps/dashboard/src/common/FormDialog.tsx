import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type ReactNode } from 'react';
import { Form, HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';

// Not the page's record: a command's form starts empty (or from `defaultValues`), whatever the page shows.
const NO_RECORD = {};
/** Answers that mean the page is out of date: say so, close, and read the record again. */
const STALE = new Set(['CONFLICT', 'INVALID_TRANSITION', 'NOT_FOUND']);

interface FormDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /**
   * Runs the command with the form's values; resolves true when it took effect (false: nothing happened, e.g.
   * the session ended), rejects with the API's error, already translated.
   */
  run: (values: Record<string, unknown>) => Promise<boolean>;
  /** Notified on success, translated with `successArgs`. */
  successMessage: string;
  successArgs?: Record<string, unknown>;
  defaultValues?: Record<string, unknown>;
  confirmLabel?: string;
  children: ReactNode;
}

/**
 * A small dialog with a react-admin form for one domain command. A CONFLICT (someone changed the record
 * meanwhile), an INVALID_TRANSITION or a NOT_FOUND closes it, shows the message and reloads the page's data;
 * an input error stays in the dialog to be corrected.
 */
export const FormDialog = ({
  open,
  title,
  onClose,
  run,
  successMessage,
  successArgs,
  defaultValues,
  confirmLabel = 'app.cases.command_confirm',
  children,
}: FormDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };
  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setError(null);
    try {
      if (!(await run(values))) return;
      notify(successMessage, { type: 'success', messageArgs: successArgs });
      onClose();
      refresh();
    } catch (e) {
      const code = e instanceof HttpError ? (e.body?.code as string | undefined) : undefined;
      const message = e instanceof Error ? e.message : translate('ra.notification.http_error');
      if (code && STALE.has(code)) {
        notify(message, { type: 'error' });
        onClose();
        refresh();
      } else {
        setError(message);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      {open && (
        <Form record={NO_RECORD} defaultValues={defaultValues} onSubmit={submit}>
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>
            {children}
            {error && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {error}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={pending}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={pending}>
              {translate(confirmLabel)}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};
