import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useGetIdentity, useRecordContext } from 'react-admin';
import { ConfirmedCommandButton } from '../common/ConfirmedCommandButton';

interface UserRecord {
  id: string;
  username: string;
  disabled: boolean;
}

/**
 * disableUser (which also ends all of the user's sessions at once) or enableUser, after a confirmation.
 * Hidden on one's own account, which the API refuses to disable.
 */
export const UserStatusButton = () => {
  const record = useRecordContext<UserRecord>();
  const { identity } = useGetIdentity();
  const action = record?.disabled ? 'enable' : 'disable';
  if (!record || (action === 'disable' && identity?.id === record.id)) return null;
  return (
    <ConfirmedCommandButton
      key={action}
      resource="users"
      command={action}
      id={record.id}
      messages={{
        label: `app.users.${action}`,
        title: `app.users.${action}_title`,
        content: `app.users.${action}_content`,
        done: `app.users.${action}d`,
      }}
      translateOptions={{ username: record.username }}
      icon={action === 'disable' ? <BlockIcon /> : <CheckCircleIcon />}
      color={action === 'disable' ? 'error' : 'primary'}
    />
  );
};
