import { ROLE_LABELS } from '@qiangji/domain';
import { chinaDateTime, defineExport, labelOf, placeColumns, withPlaces, yesNo } from '../../common/export';
import type { Placed } from '../../common/export';
import type { RequestContext } from '../../server/context';
import type { ApiKeyRow, UserRow } from './access.types';

type UserExportRow = Placed<UserRow & { regionCode: string }>;

/** A batch of accounts placed at their jurisdiction. */
const withJurisdictions = (ctx: RequestContext, rows: UserRow[]) =>
  withPlaces(
    ctx,
    rows.map((u) => ({ ...u, regionCode: u.jurisdictionCode })),
  );

/** 用户: the accounts of the admin's jurisdiction (never a password hash or a session). */
export const userExport = defineExport<UserExportRow>({
  list: 'users',
  title: { zh: '用户', en: 'Users' },
  entityType: 'User',
  query: async (ctx) => ctx.services.users.listQuery(ctx),
  prepare: withJurisdictions,
  columns: [
    { label: { zh: '用户名', en: 'Username' }, value: (u) => u.username, width: 14 },
    { label: { zh: '姓名', en: 'Name' }, value: (u) => u.displayName, width: 12 },
    {
      label: { zh: '角色', en: 'Roles' },
      value: (u, l) => u.roles.map((r) => labelOf(ROLE_LABELS, r, l)).join('、'),
      width: 20,
    },
    ...placeColumns<UserExportRow>({ zh: '管辖区划', en: 'Jurisdiction' }),
    { label: { zh: '已停用', en: 'Disabled' }, value: (u, l) => yesNo(u.disabled, l) },
    { label: { zh: '创建时间', en: 'Created' }, value: (u) => chinaDateTime(u.createdAt), width: 17 },
  ],
});

/** API 密钥: the district systems' keys by name and prefix (the secret is never stored, so never exported). */
export const apiKeyExport = defineExport<Placed<ApiKeyRow>>({
  list: 'apiKeys',
  title: { zh: 'API 密钥', en: 'API keys' },
  entityType: 'ApiKey',
  query: async (ctx) => ctx.services.apiKeys.listQuery(ctx),
  placed: true,
  columns: [
    { label: { zh: '名称', en: 'Name' }, value: (k) => k.name, width: 20 },
    { label: { zh: '前缀', en: 'Prefix' }, value: (k) => k.prefix, width: 12 },
    { label: { zh: '权限范围', en: 'Scopes' }, value: (k) => k.scopes.join('、'), width: 20 },
    ...placeColumns<Placed<ApiKeyRow>>(),
    { label: { zh: '创建时间', en: 'Created' }, value: (k) => chinaDateTime(k.createdAt), width: 17 },
    { label: { zh: '最近使用', en: 'Last used' }, value: (k) => chinaDateTime(k.lastUsedAt), width: 17 },
    { label: { zh: '吊销时间', en: 'Revoked' }, value: (k) => chinaDateTime(k.revokedAt), width: 17 },
  ],
});

export const ACCESS_EXPORTS = [userExport, apiKeyExport];
