import type { FeatureLabels } from '../features/feature';

/** resources.users: its name and the labels of its fields, filters and inputs, in both languages. */
export const userLabels: FeatureLabels = {
  zh: {
    name: '用户',
    fields: {
      username: '用户名',
      displayName: '姓名',
      password: '初始密码',
      roles: '角色',
      jurisdiction: '管辖区域',
      jurisdictionCode: '管辖区域',
      disabled: '已停用',
      createdAt: '创建时间',
    },
  },
  en: {
    name: 'User |||| Users',
    fields: {
      username: 'Username',
      displayName: 'Display name',
      password: 'Initial password',
      roles: 'Roles',
      jurisdiction: 'Jurisdiction',
      jurisdictionCode: 'Jurisdiction',
      disabled: 'Disabled',
      createdAt: 'Created',
    },
  },
};
