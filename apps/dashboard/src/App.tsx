import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Admin, Resource } from 'react-admin';
import { Dashboard } from './Dashboard';
import { createDataProvider } from './data-provider';
import { createGraphqlRequest } from './graphql-client';
import { describeApiError, i18nProvider } from './i18n/i18n-provider';
import { AppLayout } from './layout/AppLayout';
import { AppTitle } from './layout/AppTitle';
import { darkTheme, lightTheme } from './layout/theme';
import { regionResource } from './regions/region-resource';
import { RegionList } from './regions/RegionList';
import { RegionShow } from './regions/RegionShow';

// Same origin in production (the API serves this build); the Vite dev server proxies it.
const dataProvider = createDataProvider(
  { regions: regionResource },
  createGraphqlRequest('/graphql', fetch, describeApiError),
);

export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    theme={lightTheme}
    darkTheme={darkTheme}
    // react-admin reports the host name to marmelab by default; a government system must not call out.
    disableTelemetry
  >
    <Resource
      name="regions"
      list={RegionList}
      show={RegionShow}
      recordRepresentation="name"
      icon={AccountTreeIcon}
    />
  </Admin>
);
