import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { GraphqlRequest } from '../graphql-client';
import { CHANGE_PASSWORD, LOGOUT } from './operations';
import type { Session } from './session';

/** react-admin's auth provider, plus changing the signed-in user's password. */
export interface QiangjiAuthProvider extends AuthProvider {
  /**
   * The API ends every session of the user on success, this one too: the caller signs out after it. A wrong
   * current password rejects with the API's BAD_USER_INPUT on `currentPassword`.
   */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

/**
 * react-admin's view of the session. `request` is the signed-in GraphQL client: the API accepts `logout`
 * only from a signed-in caller.
 */
export function createAuthProvider(session: Session, request: GraphqlRequest): QiangjiAuthProvider {
  return {
    async login({ username, password }: { username?: string; password?: string }) {
      try {
        await session.login(String(username ?? '').trim(), String(password ?? ''));
      } catch (error) {
        throw signInError(error);
      }
    },

    async logout() {
      const refreshToken = session.refreshToken();
      try {
        // Revokes the refresh token's whole family on the server, so a copy of it is worthless too.
        if (refreshToken) await request(LOGOUT, { refreshToken });
      } catch {
        // Signed out here all the same; the server's tokens expire on their own.
      } finally {
        session.end();
      }
    },

    async checkAuth() {
      await session.ready();
      if (!session.user()) throw new Error('ra.auth.auth_check_error');
    },

    // Only 401 means the session is over (the GraphQL client has already tried one refresh). A 403 is a
    // refused action: the user stays signed in and reads the error where it happened.
    async checkError(error: { status?: number } | undefined) {
      if (error?.status === 401) throw error;
    },

    async getIdentity(): Promise<UserIdentity> {
      await session.ready();
      const user = session.user();
      if (!user) throw new Error('ra.auth.auth_check_error');
      return {
        id: user.id,
        fullName: `${user.username} · ${user.jurisdiction.qualifiedName ?? user.jurisdiction.name}`,
        username: user.username,
        jurisdiction: user.jurisdiction,
        // The domain's machines say which steps these roles may take (common/use-roles.ts).
        roles: user.roles,
      };
    },

    async changePassword(currentPassword, newPassword) {
      await request(CHANGE_PASSWORD, { currentPassword, newPassword });
    },

    /** The API's action names, e.g. ['RESIDENT_READ', 'HOUSEHOLD_READ']; see auth/actions.ts. */
    async getPermissions(): Promise<string[]> {
      await session.ready();
      return session.user()?.actions ?? [];
    },
  };
}

/** The login form shows `message` through translate(); a wrong password and a locked account read alike. */
function signInError(error: unknown): Error {
  if (error instanceof HttpError) {
    return error.body?.code === 'UNAUTHENTICATED' ? new Error('app.auth.invalid_credentials') : error;
  }
  return new Error('ra.notification.http_error');
}
