import type { FeatureLabels } from '../features/feature';

/** resources.residents: its name and the labels of its fields, filters and inputs, in both languages. */
export const residentLabels: FeatureLabels = {
  zh: {
    name: '居民',
    fields: {
      name: '姓名',
      gender: '性别',
      birthDate: '出生日期',
      birthYear: '出生年份',
      age: '年龄',
      idNumber: '身份证号',
      phone: '联系电话',
      tags: '标签',
      region: '所属区域',
      regionCode: '所属区域',
      household: '所在户',
      householdId: '所在户',
      nameContains: '姓名',
      createdAt: '登记时间',
      updatedAt: '最近修改',
      newPhone: '新联系电话',
      removePhone: '删除联系电话',
    },
  },
  en: {
    name: 'Resident |||| Residents',
    fields: {
      name: 'Name',
      gender: 'Gender',
      birthDate: 'Date of birth',
      birthYear: 'Year of birth',
      age: 'Age',
      idNumber: 'ID number',
      phone: 'Phone',
      tags: 'Tags',
      region: 'Region',
      regionCode: 'Region',
      household: 'Household',
      householdId: 'Household',
      nameContains: 'Name',
      createdAt: 'Registered',
      updatedAt: 'Last changed',
      newPhone: 'New phone',
      removePhone: 'Remove the phone',
    },
  },
};
