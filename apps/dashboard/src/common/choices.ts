import { API_KEY_SCOPES, RESIDENT_TAGS, ROLES } from '@qiangji/domain';

// Select inputs translate choice names, so these are message keys (i18n/label-messages.ts), not labels.
export const TAG_CHOICES = RESIDENT_TAGS.map((tag) => ({ id: tag, name: `app.resident_tag.${tag}` }));
export const ROLE_CHOICES = ROLES.map((role) => ({ id: role, name: `app.role.${role}` }));
export const SCOPE_CHOICES = API_KEY_SCOPES.map((scope) => ({
  id: scope.toUpperCase(),
  name: `app.api_key_scope.${scope.toUpperCase()}`,
}));
