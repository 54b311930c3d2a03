import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type ReactNode } from 'react';
import { Form, HttpError, useNotify, useRefresh, useTranslate, type ValidateForm } from 'react-admin';
import { usePhone } from './use-phone';

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
  /**
   * The message key for the API's BAD_USER_INPUT on one of the form's inputs (`field`), shown under it;
   * undefined: the API's message as translated by its code.
   */
  refusal?: (field: string, values: Record<string, unknown>) => string | undefined;
  /** Rules across inputs (the domain's), checked before anything is sent: their messages under the inputs. */
  validate?: ValidateForm;
  children: ReactNode;
}

/** The input a BAD_USER_INPUT names, when it is one of the form's. */
function refusedField(error: HttpError, values: Record<string, unknown>): string | undefined {
  const errors = error.body?.errors as Record<string, unknown> | undefined;
  return Object.keys(errors ?? {}).find((field) => field !== 'root' && field in values);
}

/**
 * A small dialog with a react-admin form for one domain command. A CONFLICT (someone changed the record
 * meanwhile), an INVALID_TRANSITION or a NOT_FOUND closes it, shows the message and reloads the page's data;
 * an input error stays in the dialog to be corrected, under its input where it names one. On a phone the
 * dialog takes the whole screen, so the keyboard leaves the inputs and the buttons room.
 */
export const FormDialog = ({
  open,
  title,
  onClose,
  run,
  successMessage,
  successArgs,
  defaultValues,
  confirmLabel = 'app.command.confirm',
  refusal,
  validate,
  children,
}: FormDialogProps) => {
  const translate = useTranslate();
  const phone = usePhone();
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
  // Resolves to the field errors react-admin's form shows under their inputs, if any.
  const submit = async (values: Record<string, unknown>): Promise<Record<string, string> | undefined> => {
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
      const field = e instanceof HttpError ? refusedField(e, values) : undefined;
      if (code && STALE.has(code)) {
        notify(message, { type: 'error' });
        onClose();
        refresh();
      } else if (field) {
        const key = refusal?.(field, values);
        return { [field]: key ? translate(key) : message };
      } else {
        setError(message);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      fullScreen={phone}
      aria-labelledby={titleId}
      // The form fills the dialog, so its content scrolls and the buttons stay at the bottom of a phone.
      slotProps={{
        paper: { sx: { '& > form': { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 } } },
      }}
    >
      {open && (
        <Form record={NO_RECORD} defaultValues={defaultValues} onSubmit={submit} validate={validate}>
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
