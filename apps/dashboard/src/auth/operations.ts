/** The signed-in user as the API describes it: what the menus, buttons and the user menu are built from. */
export interface SessionUser {
  id: string;
  username: string;
  kind: string;
  roles: string[];
  /** GraphQL enum names of the domain's actions, e.g. RESIDENT_READ for 'resident:read'. */
  actions: string[];
  /** `qualifiedName` is absent in sessions stored by builds before it. */
  jurisdiction: { code: string; name: string; qualifiedName?: string; level?: string };
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  user: SessionUser;
}

const PAYLOAD = `accessToken refreshToken expiresIn
    user { id username kind roles actions jurisdiction { code name qualifiedName level } }`;

// Named operations show up in the server's logs; `payload:` keeps the result's shape the same for both.
export const LOGIN = `mutation Login($username: String!, $password: String!) {
  payload: login(username: $username, password: $password) { ${PAYLOAD} }
}`;

export const REFRESH = `mutation Refresh($refreshToken: String!) {
  payload: refresh(refreshToken: $refreshToken) { ${PAYLOAD} }
}`;

export const LOGOUT = `mutation Logout($refreshToken: String!) {
  done: logout(refreshToken: $refreshToken)
}`;

/** Ends every session of the user, this one included: the dashboard signs in again after it. */
export const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  done: changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

/** The operations the dashboard sends outside any resource, for the check against the API's schema. */
export const AUTH_OPERATIONS: Readonly<Record<string, string>> = {
  LOGIN,
  REFRESH,
  LOGOUT,
  CHANGE_PASSWORD,
};
