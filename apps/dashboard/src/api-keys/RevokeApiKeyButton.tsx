import KeyOffIcon from '@mui/icons-material/KeyOff';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import { useCommand } from '../common/use-command';
import type { ApiKeyRecord } from './api-key-resource';

/** revokeApiKey after a confirmation: the district system's next request with the key is refused. */
export const RevokeApiKeyButton = (_props: { label?: string }) => {
  const record = useRecordContext<ApiKeyRecord>();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useCommand('apiKeys', 'revoke', 'app.api_keys.revoked');
  if (!record || record.revokedAt) return null;
  return (
    <>
      <Button label="app.api_keys.revoke" color="error" onClick={() => setOpen(true)} disabled={isPending}>
        <KeyOffIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.api_keys.revoke_title"
        content="app.api_keys.revoke_content"
        translateOptions={{ name: record.name }}
        onConfirm={async () => {
          await run({ id: record.id });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
