import { isRole, type Role } from '@qiangji/domain';
import { useGetIdentity } from 'react-admin';

/** The signed-in account's roles, for the domain's machines to say which steps it may take (none until known). */
export function useRoles(): Role[] {
  const { identity } = useGetIdentity();
  const roles: unknown = identity?.roles;
  return Array.isArray(roles) ? roles.filter(isRole) : [];
}
