import { Datagrid, FunctionField, List, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { LabelChips } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import type { ApiKeyRecord } from './api-key-resource';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';

// The key's visible part, as it starts in the district system's configuration.
const prefixOf = (key: ApiKeyRecord) => `qj_${key.prefix}_…`;

/** District systems' keys, newest first (the API's only order); a revoked key stays listed, for the record. */
export const ApiKeyList = () => (
  <List perPage={25} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="name" sortable={false} />
      <FunctionField source="prefix" render={prefixOf} sortable={false} sx={{ fontFamily: 'monospace' }} />
      <LabelChips source="scopes" messages="app.api_key_scope" sortable={false} />
      <RegionLink label="resources.apiKeys.fields.region" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
      <DateTimeField source="lastUsedAt" sortable={false} emptyText="app.api_keys.never_used" />
      <DateTimeField source="revokedAt" sortable={false} />
      <RevokeApiKeyButton />
    </Datagrid>
  </List>
);
