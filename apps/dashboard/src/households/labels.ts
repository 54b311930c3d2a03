import type { FeatureLabels } from '../features/feature';

/** resources.households: its name and the labels of its fields, filters and inputs, in both languages. */
export const householdLabels: FeatureLabels = {
  zh: {
    name: '住户',
    fields: {
      address: '地址',
      addressContains: '地址',
      region: '所属区域',
      regionCode: '所属区域',
      tags: '标签',
      head: '户主',
      members: '家庭成员',
      createdAt: '登记时间',
      updatedAt: '最近修改',
    },
  },
  en: {
    name: 'Household |||| Households',
    fields: {
      address: 'Address',
      addressContains: 'Address',
      region: 'Region',
      regionCode: 'Region',
      tags: 'Tags',
      head: 'Head of household',
      members: 'Members',
      createdAt: 'Registered',
      updatedAt: 'Last changed',
    },
  },
};
