import { useGetIdentity } from 'react-admin';
import type { SessionUser } from '../auth/operations';

/** The signed-in account's jurisdiction, where it lands and what its lists and pickers start from. */
export function useJurisdiction(): SessionUser['jurisdiction'] | undefined {
  const { identity } = useGetIdentity();
  return identity?.jurisdiction as SessionUser['jurisdiction'] | undefined;
}
