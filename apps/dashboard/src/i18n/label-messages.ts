import {
  API_KEY_SCOPES,
  GENDERS,
  RESIDENT_TAG_LABELS,
  RESIDENT_TAGS,
  ROLE_LABELS,
  ROLES,
  type ApiKeyScope,
  type Gender,
} from '@qiangji/domain';

type Language = 'zh' | 'en';
type Labels<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

// @qiangji/domain has no label table for these two yet; typed by its unions, so a new value fails to compile.
const GENDER_LABELS: Labels<Gender> = {
  MALE: { zh: '男', en: 'Male' },
  FEMALE: { zh: '女', en: 'Female' },
};
const API_KEY_SCOPE_LABELS: Labels<ApiKeyScope> = {
  read: { zh: '查询人员', en: 'Read people' },
  write: { zh: '查询并登记人员', en: 'Read and record people' },
};

function messages<K extends string>(
  keys: readonly K[],
  labels: Labels<K>,
  language: Language,
  name: (key: K) => string = (key) => key,
) {
  return Object.fromEntries(keys.map((key) => [name(key), labels[key][language]])) as Record<string, string>;
}

/** Role, tag and gender names from the domain's tables, so the API, the dashboard and other clients agree. */
export function labelMessages(language: Language) {
  return {
    role: messages(ROLES, ROLE_LABELS, language),
    resident_tag: messages(RESIDENT_TAGS, RESIDENT_TAG_LABELS, language),
    gender: messages(GENDERS, GENDER_LABELS, language),
    // The GraphQL enum is the domain's scope upper-cased (READ for 'read').
    api_key_scope: messages(API_KEY_SCOPES, API_KEY_SCOPE_LABELS, language, (scope) => scope.toUpperCase()),
  };
}
