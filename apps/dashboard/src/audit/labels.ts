import type { FeatureLabels } from '../features/feature';

/** resources.auditEvents: its name and the labels of its fields, filters and inputs, in both languages. */
export const auditEventLabels: FeatureLabels = {
  zh: {
    name: '审计日志',
    fields: {
      at: '时间',
      actorName: '操作人',
      actorKind: '操作人类型',
      action: '操作',
      entityType: '对象类型',
      entityId: '对象编号',
      purpose: '事由',
      requestId: '请求编号',
      clientIp: '客户端 IP',
      roles: '角色',
      changes: '变更内容',
      from: '起始日期',
      to: '截止日期',
    },
  },
  en: {
    name: 'Audit event |||| Audit log',
    fields: {
      at: 'Time',
      actorName: 'Actor',
      actorKind: 'Actor kind',
      action: 'Action',
      entityType: 'Entity type',
      entityId: 'Entity ID',
      purpose: 'Purpose',
      requestId: 'Request ID',
      clientIp: 'Client IP',
      roles: 'Roles',
      changes: 'Changes',
      from: 'From',
      to: 'To',
    },
  },
};
