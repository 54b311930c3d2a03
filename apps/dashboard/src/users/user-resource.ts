import type { Role } from '@qiangji/domain';
import { nodeResource } from '../graphql-resource';
import { trimmed } from '../write-input';
import { REGION_REF } from '../common/region-ref';

/** The API's rule (CreateUserInput.password); it is not in @qiangji/domain, so it is repeated here. */
export const MIN_PASSWORD_LENGTH = 10;

export function toCreateUserInput(data: Record<string, unknown>) {
  return {
    username: trimmed(data.username).toLowerCase(),
    displayName: trimmed(data.displayName),
    // Passwords are taken as typed: a trailing space may be part of one.
    password: String(data.password ?? ''),
    roles: (data.roles as Role[] | undefined) ?? [],
    jurisdictionCode: String(data.jurisdictionCode),
  };
}

// `users` takes neither a filter nor an order: by username, within the admin's jurisdiction.
export const userResource = nodeResource('User', {
  listFields: `id username displayName roles disabled createdAt jurisdiction { ${REGION_REF} }`,
  exportable: true,
  create: { field: 'createUser', toInput: toCreateUserInput },
  commands: {
    disable: `mutation UserDisable($id: ID!) { result: disableUser(id: $id) { ...UserDetail } }`,
    enable: `mutation UserEnable($id: ID!) { result: enableUser(id: $id) { ...UserDetail } }`,
  },
});
