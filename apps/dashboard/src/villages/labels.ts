import type { FeatureLabels } from '../features/feature';

/** resources.visits: its name and the labels of its fields, filters and inputs, in both languages. */
export const visitLabels: FeatureLabels = {
  zh: {
    name: '走访记录',
    fields: {
      visitedOn: '走访日期',
      purpose: '走访目的',
      findings: '走访情况',
      followUpNeeded: '需要跟进',
      cadreName: '驻村干部',
      region: '所在区域',
      regionCode: '所在区域',
      household: '住户',
      visitedFrom: '走访日期自',
      visitedTo: '走访日期至',
      disputeCase: '转调解案件',
      createdAt: '登记时间',
    },
  },
  en: {
    name: 'Visit |||| Visits',
    fields: {
      visitedOn: 'Visited on',
      purpose: 'Purpose',
      findings: 'Findings',
      followUpNeeded: 'Follow-up needed',
      cadreName: 'Cadre',
      region: 'Region',
      regionCode: 'Region',
      household: 'Household',
      visitedFrom: 'Visited from',
      visitedTo: 'Visited to',
      disputeCase: 'Dispute case',
      createdAt: 'Logged',
    },
  },
};

/** resources.assistances. */
export const assistanceLabels: FeatureLabels = {
  zh: {
    name: '帮扶',
    fields: {
      type: '帮扶方式',
      state: '状态',
      description: '帮扶内容',
      household: '帮扶对象',
      amountYuan: '金额（元）',
      cadreName: '驻村干部',
      plannedOn: '计划日期',
      doneOn: '完成日期',
      outcome: '帮扶成效',
      abandonReason: '放弃原因',
      effect: '家庭收入变化',
      region: '所在区域',
      regionCode: '所在区域',
    },
  },
  en: {
    name: 'Assistance |||| Assistance',
    fields: {
      type: 'Type',
      state: 'State',
      description: 'Description',
      household: 'Household',
      amountYuan: 'Amount (yuan)',
      cadreName: 'Cadre',
      plannedOn: 'Planned on',
      doneOn: 'Done on',
      outcome: 'Outcome',
      abandonReason: 'Reason abandoned',
      effect: 'Household income',
      region: 'Region',
      regionCode: 'Region',
    },
  },
};

/** resources.stationedCadres. */
export const cadreLabels: FeatureLabels = {
  zh: {
    name: '驻村干部',
    fields: {
      name: '姓名',
      q: '姓名',
      phone: '电话',
      workUnit: '派出单位',
      activePosting: '现驻村',
      postings: '驻村经历',
      region: '所在区域',
      regionCode: '所在区域',
      workUnitId: '派出单位',
      householdsCovered: '走访覆盖户数',
      visitsByMonth: '逐月走访（最近 12 个月）',
      belowVisitTargetFrom: '走访未达标期间自',
      belowVisitTargetTo: '走访未达标期间至',
    },
  },
  en: {
    name: 'Stationed cadre |||| Stationed cadres',
    fields: {
      name: 'Name',
      q: 'Name',
      phone: 'Phone',
      workUnit: 'Work unit',
      activePosting: 'Posted to',
      postings: 'Postings',
      region: 'Region',
      regionCode: 'Region',
      workUnitId: 'Work unit',
      householdsCovered: 'Households visited',
      visitsByMonth: 'Visits by month (last 12 months)',
      belowVisitTargetFrom: 'Below visit target from',
      belowVisitTargetTo: 'Below visit target to',
    },
  },
};

export const workUnitLabels: FeatureLabels = {
  zh: {
    name: '包村单位',
    fields: { name: '名称', q: '名称', kind: '类别', level: '级别', regionCode: '所在区域' },
  },
  en: {
    name: 'Work unit |||| Work units',
    fields: { name: 'Name', q: 'Name', kind: 'Kind', level: 'Level', regionCode: 'Seat' },
  },
};

export const pairingLabels: FeatureLabels = {
  zh: { name: '包村', fields: { workUnit: '单位', startsOn: '开始', endsOn: '结束', goals: '目标' } },
  en: {
    name: 'Pairing |||| Pairings',
    fields: { workUnit: 'Work unit', startsOn: 'From', endsOn: 'To', goals: 'Goals' },
  },
};
