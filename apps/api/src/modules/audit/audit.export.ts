import { ROLE_LABELS, isRole } from '@qiangji/domain';
import { chinaDateTime, defineExport } from '../../common/export';
import type { AuditEventRow } from './audit.types';

/** 审计日志: the auditor's list as a file (its own export is audited like any other). */
export const auditEventExport = defineExport<AuditEventRow>({
  list: 'auditEvents',
  title: { zh: '审计日志', en: 'Audit log' },
  entityType: 'AuditEvent',
  query: async (ctx, { filter }) => ctx.services.audit.listQuery(ctx, filter),
  columns: [
    { label: { zh: '时间', en: 'At' }, value: (e) => chinaDateTime(e.at), width: 17 },
    { label: { zh: '操作人', en: 'Actor' }, value: (e) => e.actorName, width: 16 },
    {
      label: { zh: '角色', en: 'Roles' },
      value: (e, l) => e.roles.map((r) => (isRole(r) ? ROLE_LABELS[r][l] : r)).join('、'),
      width: 16,
    },
    { label: { zh: '操作', en: 'Action' }, value: (e) => e.action, width: 24 },
    { label: { zh: '对象类型', en: 'Entity' }, value: (e) => e.entityType, width: 14 },
    { label: { zh: '对象编号', en: 'Entity id' }, value: (e) => e.entityId, width: 38 },
    {
      label: { zh: '变更内容', en: 'Changes' },
      value: (e) => (e.changes == null ? null : JSON.stringify(e.changes)),
      width: 40,
    },
    { label: { zh: '用途', en: 'Purpose' }, value: (e) => e.purpose, width: 20 },
    { label: { zh: '区划路径', en: 'Region path' }, value: (e) => e.regionPath, width: 24 },
    { label: { zh: '请求编号', en: 'Request id' }, value: (e) => e.requestId, width: 38 },
    { label: { zh: '客户端地址', en: 'Client IP' }, value: (e) => e.clientIp, width: 16 },
  ],
});
