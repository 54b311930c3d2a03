import type { FeatureLabels } from '../features/feature';

/** resources.apiKeys: its name and the labels of its fields, filters and inputs, in both languages. */
export const apiKeyLabels: FeatureLabels = {
  zh: {
    name: 'API 密钥',
    fields: {
      name: '名称',
      prefix: '密钥开头',
      scopes: '权限范围',
      region: '适用区域',
      regionCode: '适用区域',
      createdAt: '创建时间',
      lastUsedAt: '最近使用',
      revokedAt: '吊销时间',
    },
  },
  en: {
    name: 'API key |||| API keys',
    fields: {
      name: 'Name',
      prefix: 'Key starts with',
      scopes: 'Scopes',
      region: 'Region',
      regionCode: 'Region',
      createdAt: 'Created',
      lastUsedAt: 'Last used',
      revokedAt: 'Revoked',
    },
  },
};
