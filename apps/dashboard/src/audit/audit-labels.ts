import { DISPUTE_CASE_MACHINE } from '@qiangji/domain';

type Language = 'zh' | 'en';
type Label = Readonly<Record<Language, string>>;

/** The API's audit action codes (`<entity>.<verb>`), by entity, as an official reads them. */
const ACTIONS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  auth: {
    login: { zh: '登录', en: 'Signed in' },
    login_failed: { zh: '登录失败', en: 'Sign-in failed' },
    refresh_reused: { zh: '登录凭据被重复使用，会话已全部注销', en: 'Refresh token reused; session revoked' },
  },
  user: {
    create: { zh: '新建账号', en: 'Created account' },
    disable: { zh: '停用账号', en: 'Disabled account' },
    enable: { zh: '启用账号', en: 'Enabled account' },
    change_password: { zh: '修改密码', en: 'Changed password' },
  },
  apiKey: {
    create: { zh: '新建 API 密钥', en: 'Created API key' },
    revoke: { zh: '吊销 API 密钥', en: 'Revoked API key' },
  },
  resident: {
    list: { zh: '查询居民列表', en: 'Listed residents' },
    read: { zh: '查看居民信息', en: 'Read resident' },
    register: { zh: '登记居民', en: 'Registered resident' },
    update: { zh: '修改居民信息', en: 'Changed resident' },
    move: { zh: '居民迁移', en: 'Moved resident' },
    reveal: { zh: '查看完整证件号', en: 'Revealed full ID number' },
  },
  household: {
    register: { zh: '登记住户', en: 'Registered household' },
    update: { zh: '修改住户信息', en: 'Changed household' },
    move: { zh: '住户迁移', en: 'Moved household' },
  },
  disputeCase: {
    register: { zh: '登记矛盾纠纷', en: 'Registered dispute case' },
    // The case's steps, named as on its buttons.
    ...Object.fromEntries(
      DISPUTE_CASE_MACHINE.commands.map((command) => {
        const { label } = DISPUTE_CASE_MACHINE.rules[command];
        return [command, { zh: `矛盾纠纷：${label.zh}`, en: `Dispute case: ${label.en}` }];
      }),
    ),
  },
  mediationOrganization: {
    create: { zh: '新建调解组织', en: 'Created mediation organisation' },
    update: { zh: '修改调解组织', en: 'Changed mediation organisation' },
  },
  legalClinicService: { record: { zh: '登记法律诊所服务人次', en: 'Recorded legal clinic service' } },
  mediator: {
    register: { zh: '登记调解员', en: 'Registered mediator' },
    update: { zh: '修改调解员信息', en: 'Changed mediator' },
  },
  coordinationMeeting: { record: { zh: '记录协调会议', en: 'Recorded coordination meeting' } },
  petitionCase: {
    register: { zh: '登记信访积案', en: 'Registered petition case' },
    assign: { zh: '交办信访积案', en: 'Assigned petition case' },
    resolve: { zh: '办理信访积案', en: 'Settled petition case' },
  },
};

/** The API's audit entity types, and the resource whose field labels name their changed fields. */
const ENTITIES: Readonly<Record<string, Label & { resource?: string }>> = {
  User: { zh: '用户账号', en: 'Account', resource: 'users' },
  ApiKey: { zh: 'API 密钥', en: 'API key', resource: 'apiKeys' },
  Resident: { zh: '居民', en: 'Resident', resource: 'residents' },
  Household: { zh: '住户', en: 'Household', resource: 'households' },
  DisputeCase: { zh: '矛盾纠纷', en: 'Dispute case', resource: 'disputeCases' },
  MediationOrganization: { zh: '调解组织', en: 'Mediation organisation', resource: 'mediationOrganizations' },
  LegalClinicService: { zh: '法律诊所服务', en: 'Legal clinic service' },
  Mediator: { zh: '调解员', en: 'Mediator', resource: 'mediators' },
  CoordinationMeeting: { zh: '协调会议', en: 'Coordination meeting', resource: 'coordinationMeetings' },
  PetitionCase: { zh: '信访积案', en: 'Petition case', resource: 'petitionCases' },
};

/** Every action code the labels know, entity.verb: the choices of the action filter. */
export const AUDIT_ACTIONS: readonly string[] = Object.entries(ACTIONS).flatMap(([entity, verbs]) =>
  Object.keys(verbs).map((verb) => `${entity}.${verb}`),
);
export const AUDIT_ENTITY_TYPES: readonly string[] = Object.keys(ENTITIES);

/** The resource whose field labels name an entity type's changed fields (DisputeCase → disputeCases). */
export const resourceOfEntity = (entityType: string): string | undefined => ENTITIES[entityType]?.resource;

/**
 * app.audit_action (nested as the codes are: resident.reveal) and app.audit_entity of one language. A code the
 * dashboard does not know yet shows as it is, through translate's default.
 */
export function auditMessages(language: Language) {
  return {
    audit_action: Object.fromEntries(
      Object.entries(ACTIONS).map(([entity, verbs]) => [
        entity,
        Object.fromEntries(Object.entries(verbs).map(([verb, label]) => [verb, label[language]])),
      ]),
    ),
    audit_entity: Object.fromEntries(
      Object.entries(ENTITIES).map(([type, label]) => [type, label[language]]),
    ),
  };
}
