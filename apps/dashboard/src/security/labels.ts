import type { FeatureLabels } from '../features/feature';

/** resources.legalEducationEvents: its name and the labels of its fields, in both languages. */
export const legalEducationLabels: FeatureLabels = {
  zh: {
    name: '普法活动',
    fields: {
      format: '形式',
      title: '活动名称',
      heldOn: '举办日期',
      region: '举办地',
      regionCode: '举办地',
      audience: '受众人数',
      organiser: '主办单位',
      heldFrom: '举办日期自',
      heldTo: '举办日期至',
    },
  },
  en: {
    name: 'Legal-education event |||| Legal-education events',
    fields: {
      format: 'Format',
      title: 'Title',
      heldOn: 'Held on',
      region: 'Where',
      regionCode: 'Where',
      audience: 'Audience',
      organiser: 'Organiser',
      heldFrom: 'Held from',
      heldTo: 'Held to',
    },
  },
};
