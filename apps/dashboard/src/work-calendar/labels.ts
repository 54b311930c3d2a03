import type { FeatureLabels } from '../features/feature';

export const workCalendarLabels: FeatureLabels = {
  zh: {
    name: '节假日安排',
    fields: {
      kind: '类型',
      name: '名称',
      firstDay: '起始日',
      lastDay: '截止日',
      year: '年份',
      createdByName: '录入人',
      createdAt: '录入时间',
    },
  },
  en: {
    name: 'Holiday calendar entry |||| Holiday calendar',
    fields: {
      kind: 'Kind',
      name: 'Name',
      firstDay: 'First day',
      lastDay: 'Last day',
      year: 'Year',
      createdByName: 'Entered by',
      createdAt: 'Entered',
    },
  },
};
