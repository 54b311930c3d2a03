import { Datagrid, FunctionField, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { LabelChips } from '../common/LabelChips';
import { regionName } from '../common/region-ref';
import { RegionLink } from '../common/RegionLink';
import { ResourceList } from '../common/ResourceList';
import type { ApiKeyRecord } from './api-key-resource';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';

// The key's visible part, as it starts in the district system's configuration.
const prefixOf = (key: ApiKeyRecord) => `qj_${key.prefix}_…`;

/** District systems' keys, newest first (the API's only order); a revoked key stays listed, for the record. */
export const ApiKeyList = () => {
  const translate = useTranslate();
  return (
    <ResourceList
      rowClick={false}
      phone={{
        primaryText: (key: ApiKeyRecord) => `${key.name} · ${prefixOf(key)}`,
        secondaryText: (key: ApiKeyRecord) =>
          [
            regionName(key.region),
            ...key.scopes.map((scope) => translate(`app.api_key_scope.${scope}`)),
          ].join(' · '),
        tertiaryText: <RevokeApiKeyButton />,
      }}
    >
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
    </ResourceList>
  );
};
