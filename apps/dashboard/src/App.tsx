import CssBaseline from '@mui/material/CssBaseline';
import { Suspense } from 'react';
import { AdminContext, CoreAdminUI, LoadingPage, type LayoutProps } from 'react-admin';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { createAuthProvider } from './auth/auth-provider';
import { LoginPage } from './auth/LoginPage';
import { createSession } from './auth/session';
import { browserTabSync } from './auth/tab-sync';
import { createTokenStore } from './auth/token-store';
import { createDataProvider } from './data-provider';
import { createDownload } from './download';
import { lazyPage } from './features/feature';
import { createGraphqlRequest } from './graphql-client';
import { describeApiError, i18nProvider } from './i18n/i18n-provider';
import { AppNotification } from './layout/AppNotification';
import { AppTitle } from './layout/AppTitle';
import { darkTheme, lightTheme } from './layout/theme';
import { GRAPHQL_RESOURCES, resourcesFor } from './resources';

// Same origin in production (the API serves this build); the Vite dev server proxies it.
const ENDPOINT = '/graphql';
// Login and refresh go without a token (and a refresh must not wait for itself); everything else carries one.
const session = createSession(
  createGraphqlRequest(ENDPOINT, fetch, describeApiError),
  createTokenStore(window.sessionStorage),
  Date.now,
  browserTabSync(),
);
const request = createGraphqlRequest(ENDPOINT, fetch, describeApiError, session);
const authProvider = createAuthProvider(session, request);
const dataProvider = createDataProvider(
  GRAPHQL_RESOURCES,
  request,
  createDownload(fetch, session, describeApiError),
);

// Everything behind the sign-in form is loaded once signed in: the layout (menu, app bar), the home page and
// each resource's pages are chunks of their own.
const Layout = lazyPage(() => import('./layout/AppLayout'), 'AppLayout');
const Dashboard = lazyPage(() => import('./Dashboard'), 'Dashboard');
const CatchAll = lazyPage(() => import('./layout/CatchAll'), 'CatchAll');
const AppLayout = ({ children }: LayoutProps) => (
  <Suspense fallback={<LoadingPage />}>
    <Layout>{children}</Layout>
  </Suspense>
);

/**
 * react-admin's <Admin> without its default layout and pages, which it imports eagerly, so that the sign-in
 * form's chunk holds only what the form shows.
 */
const AdminApp = () => (
  <AdminContext
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    lightTheme={lightTheme}
    darkTheme={darkTheme}
  >
    <CssBaseline enableColorScheme>
      <CoreAdminUI
        title={<AppTitle />}
        // Nothing renders (and nothing is fetched) before the session is checked: the API refuses anonymous reads.
        requireAuth
        loginPage={LoginPage}
        dashboard={Dashboard}
        layout={AppLayout}
        catchAll={CatchAll}
        loading={LoadingPage}
        authCallbackPage={false}
        // react-admin reports the host name to marmelab by default; a government system must not call out.
        disableTelemetry
      >
        {resourcesFor}
      </CoreAdminUI>
      <AppNotification />
    </CssBaseline>
  </AdminContext>
);

/**
 * The router, created once and without transitions. Signed out, react-admin's logout navigates to #/login and
 * then resets its store and query cache; with react-router's default, the navigation is a transition, which
 * those urgent updates interrupt: the app re-renders at "/", checks the session again, logs out again and
 * pushes #/login again, thousands of times, for seconds of blank page. (react-admin's own router asks for no
 * transitions through a react-router 6 flag that version 7 no longer reads.)
 */
const router = createHashRouter([{ path: '*', element: <AdminApp /> }]);

export const App = () => <RouterProvider router={router} useTransitions={false} />;
