import type { FeatureLabels } from '../features/feature';

/** resources.mediationOrganizations: its name and the labels of its fields, filters and inputs, in both languages. */
export const organizationLabels: FeatureLabels = {
  zh: {
    name: '调解组织',
    fields: {
      name: '名称',
      nameContains: '名称',
      kind: '组织类型',
      industry: '行业领域',
      region: '所在区域',
      regionCode: '所在区域',
      partnerUniversity: '合作院校',
      memberCount: '调解员人数',
      createdAt: '创建时间',
      updatedAt: '最近修改',
    },
  },
  en: {
    name: 'Mediation organisation |||| Mediation organisations',
    fields: {
      name: 'Name',
      nameContains: 'Name',
      kind: 'Kind',
      industry: 'Industry',
      region: 'Region',
      regionCode: 'Region',
      partnerUniversity: 'Partner law school',
      memberCount: 'Mediators',
      createdAt: 'Created',
      updatedAt: 'Last changed',
    },
  },
};
