import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, Confirm, useGetIdentity, useRecordContext } from 'react-admin';
import { useCommand } from '../common/use-command';

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
  const [open, setOpen] = useState(false);
  const action = record?.disabled ? 'enable' : 'disable';
  const { run, isPending } = useCommand('users', action, `app.users.${action}d`);
  if (!record || (action === 'disable' && identity?.id === record.id)) return null;
  return (
    <>
      <Button
        label={`app.users.${action}`}
        color={action === 'disable' ? 'error' : 'primary'}
        onClick={() => setOpen(true)}
        disabled={isPending}
      >
        {action === 'disable' ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`app.users.${action}_title`}
        content={`app.users.${action}_content`}
        translateOptions={{ username: record.username }}
        onConfirm={async () => {
          await run({ id: record.id });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
