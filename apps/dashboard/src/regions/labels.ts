import type { FeatureLabels } from '../features/feature';

/** resources.regions: its name and the labels of its fields, filters and inputs, in both languages. */
export const regionLabels: FeatureLabels = {
  zh: {
    name: '行政区划',
    fields: {
      code: '区划代码',
      name: '名称',
      level: '层级',
      parentCode: '上级区域',
      urbanRuralCode: '城乡分类代码',
      population: '人口',
      households: '户数',
      validFrom: '生效日期',
      validTo: '失效日期',
      withinCode: '所在区域',
      nameContains: '名称',
    },
  },
  en: {
    name: 'Region |||| Regions',
    fields: {
      code: 'Code',
      name: 'Name',
      level: 'Level',
      parentCode: 'Parent',
      urbanRuralCode: 'Urban-rural code',
      population: 'Population',
      households: 'Households',
      validFrom: 'Valid from',
      validTo: 'Valid to',
      withinCode: 'Within',
      nameContains: 'Name',
    },
  },
};
