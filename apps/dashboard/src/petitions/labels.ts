import type { FeatureLabels } from '../features/feature';

/** resources.petitionCases: its name and the labels of its fields, filters and inputs, in both languages. */
export const petitionLabels: FeatureLabels = {
  zh: {
    name: '信访积案',
    fields: {
      title: '案由',
      state: '化解状态',
      region: '所在区域',
      regionCode: '所在区域',
      organization: '承办组织',
      registeredOn: '登记日期',
      resolvedOn: '化解日期',
      registeredFrom: '登记日期自',
      registeredTo: '登记日期至',
      updatedAt: '最近修改',
    },
  },
  en: {
    name: 'Petition backlog case |||| Petition backlog',
    fields: {
      title: 'Title',
      state: 'State',
      region: 'Region',
      regionCode: 'Region',
      organization: 'Assigned to',
      registeredOn: 'Registered on',
      resolvedOn: 'Resolved on',
      registeredFrom: 'Registered from',
      registeredTo: 'Registered to',
      updatedAt: 'Last changed',
    },
  },
};
