import AccountTreeIcon from '@mui/icons-material/AccountTree';
import HomeIcon from '@mui/icons-material/Home';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Resource } from 'react-admin';
import { ApiKeyCreate } from './api-keys/ApiKeyCreate';
import { apiKeyResource } from './api-keys/api-key-resource';
import { ApiKeyList } from './api-keys/ApiKeyList';
import { auditEventResource } from './audit/audit-event-resource';
import { AuditEventList } from './audit/AuditEventList';
import { allows } from './auth/actions';
import type { GraphqlResource } from './data-provider';
import { HouseholdCreate } from './households/HouseholdCreate';
import { HouseholdEdit } from './households/HouseholdEdit';
import { householdResource } from './households/household-resource';
import { HouseholdList } from './households/HouseholdList';
import { HouseholdShow } from './households/HouseholdShow';
import { regionResource } from './regions/region-resource';
import { RegionList } from './regions/RegionList';
import { RegionShow } from './regions/RegionShow';
import { ResidentCreate } from './residents/ResidentCreate';
import { ResidentEdit } from './residents/ResidentEdit';
import { residentResource } from './residents/resident-resource';
import { ResidentList } from './residents/ResidentList';
import { ResidentShow } from './residents/ResidentShow';
import { UserCreate } from './users/UserCreate';
import { userResource } from './users/user-resource';
import { UserList } from './users/UserList';
import { UserShow } from './users/UserShow';

/** The data provider's GraphQL mapping of every resource. */
export const GRAPHQL_RESOURCES: Readonly<Record<string, GraphqlResource>> = {
  regions: regionResource,
  residents: residentResource,
  households: householdResource,
  users: userResource,
  apiKeys: apiKeyResource,
  auditEvents: auditEventResource,
};

/**
 * The resources (and so the menu entries and routes) the signed-in user's actions allow, in menu order.
 * Hiding is for clarity only: the API refuses what the roles do not allow, whatever the dashboard shows.
 */
export function resourcesFor(permissions: unknown) {
  const can = (action: Parameters<typeof allows>[1]) => allows(permissions, action);
  return [
    <Resource
      key="regions"
      name="regions"
      list={RegionList}
      show={RegionShow}
      recordRepresentation="name"
      icon={AccountTreeIcon}
    />,
    can('resident:read') && (
      <Resource
        key="residents"
        name="residents"
        list={ResidentList}
        show={ResidentShow}
        create={can('resident:write') ? ResidentCreate : undefined}
        edit={can('resident:write') ? ResidentEdit : undefined}
        recordRepresentation="name"
        icon={PeopleIcon}
      />
    ),
    can('household:read') && (
      <Resource
        key="households"
        name="households"
        list={HouseholdList}
        show={HouseholdShow}
        create={can('household:write') ? HouseholdCreate : undefined}
        edit={can('household:write') ? HouseholdEdit : undefined}
        recordRepresentation="address"
        icon={HomeIcon}
      />
    ),
    can('user:manage') && (
      <Resource
        key="users"
        name="users"
        list={UserList}
        show={UserShow}
        create={UserCreate}
        recordRepresentation="username"
        icon={ManageAccountsIcon}
      />
    ),
    can('apiKey:manage') && (
      <Resource
        key="apiKeys"
        name="apiKeys"
        list={ApiKeyList}
        create={ApiKeyCreate}
        recordRepresentation="name"
        icon={VpnKeyIcon}
      />
    ),
    can('audit:read') && (
      <Resource key="auditEvents" name="auditEvents" list={AuditEventList} icon={ReceiptLongIcon} />
    ),
  ].filter(Boolean);
}
