import { Admin } from 'react-admin';
import { createAuthProvider } from './auth/auth-provider';
import { LoginPage } from './auth/LoginPage';
import { createSession } from './auth/session';
import { createTokenStore } from './auth/token-store';
import { Dashboard } from './Dashboard';
import { createDataProvider } from './data-provider';
import { createGraphqlRequest } from './graphql-client';
import { describeApiError, i18nProvider } from './i18n/i18n-provider';
import { AppLayout } from './layout/AppLayout';
import { AppTitle } from './layout/AppTitle';
import { darkTheme, lightTheme } from './layout/theme';
import { GRAPHQL_RESOURCES, resourcesFor } from './resources';

// Same origin in production (the API serves this build); the Vite dev server proxies it.
const ENDPOINT = '/graphql';
// Login and refresh go without a token (and a refresh must not wait for itself); everything else carries one.
const session = createSession(
  createGraphqlRequest(ENDPOINT, fetch, describeApiError),
  createTokenStore(window.sessionStorage),
);
const request = createGraphqlRequest(ENDPOINT, fetch, describeApiError, session);
const authProvider = createAuthProvider(session, request);
const dataProvider = createDataProvider(GRAPHQL_RESOURCES, request);

export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    // Nothing renders (and nothing is fetched) before the session is checked: the API refuses anonymous reads.
    requireAuth
    loginPage={LoginPage}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    theme={lightTheme}
    darkTheme={darkTheme}
    // react-admin reports the host name to marmelab by default; a government system must not call out.
    disableTelemetry
  >
    {resourcesFor}
  </Admin>
);
