/** The signed-in user as the API describes it: what the menus, buttons and the user menu are built from. */
export interface SessionUser {
  id: string;
  username: string;
  kind: string;
  roles: string[];
  /** GraphQL enum names of the domain's actions, e.g. RESIDENT_READ for 'resident:read'. */
  actions: string[];
  jurisdiction: { code: string; name: string };
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  user: SessionUser;
}

const PAYLOAD = `accessToken refreshToken expiresIn
    user { id username kind roles actions jurisdiction { code name } }`;

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
