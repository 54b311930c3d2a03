import KeyOffIcon from '@mui/icons-material/KeyOff';
import { useRecordContext } from 'react-admin';
import { ConfirmedCommandButton } from '../common/ConfirmedCommandButton';
import type { ApiKeyRecord } from './api-key-resource';

const MESSAGES = {
  label: 'app.api_keys.revoke',
  title: 'app.api_keys.revoke_title',
  content: 'app.api_keys.revoke_content',
  done: 'app.api_keys.revoked',
};

/** revokeApiKey after a confirmation: the district system's next request with the key is refused. */
export const RevokeApiKeyButton = (_props: { label?: string }) => {
  const record = useRecordContext<ApiKeyRecord>();
  if (!record || record.revokedAt) return null;
  return (
    <ConfirmedCommandButton
      resource="apiKeys"
      command="revoke"
      id={record.id}
      messages={MESSAGES}
      translateOptions={{ name: record.name }}
      icon={<KeyOffIcon />}
    />
  );
};
