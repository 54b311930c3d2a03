import Card from '@mui/material/Card';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import {
  CheckboxGroupInput,
  Form,
  required,
  SaveButton,
  TextInput,
  Title,
  Toolbar,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { SCOPE_CHOICES } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import type { QiangjiDataProvider } from '../data-provider';
import { trimmed } from '../write-input';
import type { CreatedApiKey } from './api-key-resource';
import { SecretDialog } from './SecretDialog';

/**
 * A form of its own rather than react-admin's Create: createApiKey answers with the secret, which is kept in
 * this page's state for the one dialog that shows it, and dropped when the dialog closes.
 */
export const ApiKeyCreate = () => {
  const dataProvider = useDataProvider<QiangjiDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const [secret, setSecret] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    try {
      const created = await dataProvider.command<CreatedApiKey>('apiKeys', 'create', {
        input: { name: trimmed(values.name), regionCode: values.regionCode, scopes: values.scopes },
      });
      if (created?.secret) setSecret(created.secret);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  const done = () => {
    setSecret(null);
    redirect(createPath({ resource: 'apiKeys', type: 'list' }));
  };

  return (
    <>
      <Title
        title={translate('ra.page.create', { name: translate('resources.apiKeys.name', { smart_count: 1 }) })}
      />
      <Card sx={{ mt: 2 }}>
        <Form onSubmit={submit} defaultValues={{ scopes: ['READ'] }} resource="apiKeys">
          <Stack sx={{ p: 2, alignItems: 'flex-start' }}>
            <TextInput source="name" validate={required()} />
            <RegionInput source="regionCode" validate={required()} />
            <CheckboxGroupInput source="scopes" choices={SCOPE_CHOICES} validate={required()} />
          </Stack>
          <Toolbar>
            <SaveButton label="ra.action.create" />
          </Toolbar>
        </Form>
      </Card>
      {secret && <SecretDialog secret={secret} onClose={done} />}
    </>
  );
};
