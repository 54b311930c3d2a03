import {
  HttpError,
  PasswordInput,
  minLength,
  required,
  useAuthProvider,
  useLogout,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { QiangjiAuthProvider } from '../auth/auth-provider';
import { FormDialog } from '../common/FormDialog';
import { MIN_PASSWORD_LENGTH } from '../users/user-resource';

const matchesNew = (value: unknown, values: Record<string, unknown>) =>
  value === values.newPassword ? undefined : 'app.password.mismatch';

/**
 * 修改密码: the API ends every session of the user when the password changes, so the dashboard signs out
 * right after and asks for the new password.
 */
export const ChangePasswordDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const authProvider = useAuthProvider<QiangjiAuthProvider>();
  const logout = useLogout();
  const notify = useNotify();
  const translate = useTranslate();
  const run = async (values: Record<string, unknown>) => {
    try {
      await authProvider!.changePassword(String(values.currentPassword), String(values.newPassword));
    } catch (error) {
      const wrong = error instanceof HttpError && error.body?.code === 'BAD_USER_INPUT';
      throw wrong && (error.body as { errors?: Record<string, unknown> }).errors?.currentPassword
        ? new Error(translate('app.password.wrong_current'))
        : error;
    }
    notify('app.password.changed', { type: 'info' });
    await logout();
    // Signed out: nothing on this page is left to refresh.
    return false;
  };
  return (
    <FormDialog
      key={String(open)}
      open={open}
      title={translate('app.password.title')}
      onClose={onClose}
      run={run}
      successMessage="app.password.changed"
    >
      <PasswordInput
        source="currentPassword"
        label="app.password.current"
        validate={required()}
        autoComplete="current-password"
        fullWidth
      />
      <PasswordInput
        source="newPassword"
        label="app.password.new"
        validate={[required(), minLength(MIN_PASSWORD_LENGTH)]}
        helperText="app.password.rules"
        autoComplete="new-password"
        fullWidth
      />
      <PasswordInput
        source="confirmPassword"
        label="app.password.confirm"
        validate={[required(), matchesNew]}
        autoComplete="new-password"
        fullWidth
      />
    </FormDialog>
  );
};
