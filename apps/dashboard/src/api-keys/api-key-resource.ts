import { nodeResource } from '../graphql-resource';
import { REGION_REF, type RegionRef } from '../common/region-ref';

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  region: RegionRef;
}

/** What createApiKey answers: the whole key, this once. */
export interface CreatedApiKey {
  apiKey: ApiKeyRecord;
  secret: string;
}

// The API has no single-key query and lists newest first, with no filter.
export const apiKeyResource = nodeResource('ApiKey', {
  key: false,
  listFields: `id name prefix scopes createdAt lastUsedAt revokedAt region { ${REGION_REF} }`,
  exportable: true,
  // Creating is a command, not react-admin's create: its answer carries the secret, which must not land in
  // react-admin's query cache (useCreate stores what create returns).
  commands: {
    create: `mutation ApiKeyCreate($input: CreateApiKeyInput!) {
  result: createApiKey(input: $input) { secret apiKey { ...ApiKeyRow } }
}`,
    revoke: `mutation ApiKeyRevoke($id: ID!) { result: revokeApiKey(id: $id) { ...ApiKeyRow } }`,
  },
});
