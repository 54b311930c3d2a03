import type { FeatureLabels } from '../features/feature';

export const applicationLabels: FeatureLabels = {
  zh: {
    name: '办件',
    fields: {
      number: '办件编号',
      'item.name': '服务事项',
      itemId: '服务事项',
      residentId: '申请人（实名）',
      regionCode: '受理点',
      region: '受理点',
      channel: '申请渠道',
      state: '办理状态',
      queue: '工作队列',
      q: '编号',
      dueAt: '承诺办结',
      appointment: '预约时间',
      returnReason: '退回原因',
      submittedAt: '提交时间',
      completedAt: '办结时间',
    },
  },
  en: {
    name: 'Application |||| Applications',
    fields: {
      number: 'Number',
      'item.name': 'Service item',
      itemId: 'Service item',
      residentId: 'Applicant (real name)',
      regionCode: 'Service point',
      region: 'Service point',
      channel: 'Channel',
      state: 'State',
      queue: 'Work queue',
      q: 'Number',
      dueAt: 'Due',
      appointment: 'Appointment',
      returnReason: 'Returned because',
      submittedAt: 'Submitted',
      completedAt: 'Completed',
    },
  },
};

export const catalogueLabels: FeatureLabels = {
  zh: {
    name: '服务事项',
    fields: {
      name: '事项名称',
      code: '事项编码',
      category: '类别',
      servicePoint: '办理地点',
      timeLimitDays: '承诺时限（工作日）',
      onSite: '需现场办理',
      eligibility: '申请条件',
      'policy.title': '政策依据',
      materials: '所需材料',
      formFields: '申请表',
      offeredAt: '提供地区',
      q: '名称或编码',
    },
  },
  en: {
    name: 'Service item |||| Service catalogue',
    fields: {
      name: 'Name',
      code: 'Code',
      category: 'Category',
      servicePoint: 'Handled at',
      timeLimitDays: 'Time limit (working days)',
      onSite: 'On site',
      eligibility: 'Who may apply',
      'policy.title': 'Policy',
      materials: 'Materials',
      formFields: 'Form',
      offeredAt: 'Offered at',
      q: 'Name or code',
    },
  },
};

export const policyLabels: FeatureLabels = {
  zh: {
    name: '政策公开',
    fields: {
      title: '政策名称',
      category: '类别',
      issuingBody: '发布机关',
      effectiveFrom: '施行日期',
      effectiveTo: '废止日期',
      region: '公开范围',
      publishedFor: '地区',
      q: '名称或机关',
    },
  },
  en: {
    name: 'Policy |||| Policies',
    fields: {
      title: 'Title',
      category: 'Category',
      issuingBody: 'Issued by',
      effectiveFrom: 'In force from',
      effectiveTo: 'In force to',
      region: 'Published for',
      publishedFor: 'Place',
      q: 'Title or issuer',
    },
  },
};

export const communityLabels: FeatureLabels = {
  zh: {
    name: '社区',
    fields: {
      region: '社区',
      regionCode: '地区',
      kind: '类型',
      central: '所属中心社区',
      satellites: '服务的社区',
      serviceAreaM2: '服务用房面积（平方米）',
      openingHours: '办公时间',
      officePhone: '办公电话',
      functions: '服务功能',
    },
  },
  en: {
    name: 'Community |||| Communities',
    fields: {
      region: 'Community',
      regionCode: 'Region',
      kind: 'Kind',
      central: 'Central community',
      satellites: 'Communities served',
      serviceAreaM2: 'Service rooms (m²)',
      openingHours: 'Opening hours',
      officePhone: 'Office phone',
      functions: 'Service functions',
    },
  },
};
