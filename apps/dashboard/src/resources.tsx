import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupsIcon from '@mui/icons-material/Groups';
import HandshakeIcon from '@mui/icons-material/Handshake';
import HomeIcon from '@mui/icons-material/Home';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ApiKeyCreate } from './api-keys/ApiKeyCreate';
import { apiKeyResource } from './api-keys/api-key-resource';
import { ApiKeyList } from './api-keys/ApiKeyList';
import { auditEventResource } from './audit/audit-event-resource';
import { AuditEventList } from './audit/AuditEventList';
import { allows } from './auth/actions';
import type { GraphqlResource } from './data-provider';
import { DisputeCaseCreate } from './dispute-cases/DisputeCaseCreate';
import { disputeCaseResource } from './dispute-cases/dispute-case-resource';
import { DisputeCaseList } from './dispute-cases/DisputeCaseList';
import { DisputeCaseShow } from './dispute-cases/DisputeCaseShow';
import { HouseholdCreate } from './households/HouseholdCreate';
import { HouseholdEdit } from './households/HouseholdEdit';
import { householdResource } from './households/household-resource';
import { HouseholdList } from './households/HouseholdList';
import { HouseholdShow } from './households/HouseholdShow';
import { MediationOverview } from './mediation/MediationOverview';
import { MediatorCreate } from './mediators/MediatorCreate';
import { MediatorEdit } from './mediators/MediatorEdit';
import { mediatorResource } from './mediators/mediator-resource';
import { MediatorList } from './mediators/MediatorList';
import { MediatorShow } from './mediators/MediatorShow';
import { MeetingCreate } from './meetings/MeetingCreate';
import { meetingResource } from './meetings/meeting-resource';
import { MeetingList } from './meetings/MeetingList';
import { MeetingShow } from './meetings/MeetingShow';
import { OrganizationCreate } from './organizations/OrganizationCreate';
import { OrganizationEdit } from './organizations/OrganizationEdit';
import { organizationResource } from './organizations/organization-resource';
import { OrganizationList } from './organizations/OrganizationList';
import { OrganizationShow } from './organizations/OrganizationShow';
import { PetitionCreate } from './petitions/PetitionCreate';
import { petitionResource } from './petitions/petition-resource';
import { PetitionList } from './petitions/PetitionList';
import { PetitionShow } from './petitions/PetitionShow';
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
  disputeCases: disputeCaseResource,
  mediationOrganizations: organizationResource,
  mediators: mediatorResource,
  coordinationMeetings: meetingResource,
  petitionCases: petitionResource,
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
    // 大调解 (grand mediation): the cases, then (in AppMenu) the overview page, then its reference data.
    can('dispute:read') && (
      <Resource
        key="disputeCases"
        name="disputeCases"
        list={DisputeCaseList}
        show={DisputeCaseShow}
        create={can('dispute:register') ? DisputeCaseCreate : undefined}
        recordRepresentation="number"
        icon={GavelIcon}
      />
    ),
    can('dispute:read') && (
      <CustomRoutes key="mediation-overview">
        <Route path="/mediation" element={<MediationOverview />} />
      </CustomRoutes>
    ),
    can('dispute:read') && (
      <Resource
        key="mediationOrganizations"
        name="mediationOrganizations"
        list={OrganizationList}
        show={OrganizationShow}
        create={can('mediation:manage') ? OrganizationCreate : undefined}
        edit={can('mediation:manage') ? OrganizationEdit : undefined}
        recordRepresentation="name"
        icon={AccountBalanceIcon}
      />
    ),
    can('dispute:read') && (
      <Resource
        key="mediators"
        name="mediators"
        list={MediatorList}
        show={MediatorShow}
        create={can('mediation:manage') ? MediatorCreate : undefined}
        edit={can('mediation:manage') ? MediatorEdit : undefined}
        recordRepresentation="name"
        icon={HandshakeIcon}
      />
    ),
    can('dispute:read') && (
      <Resource
        key="coordinationMeetings"
        name="coordinationMeetings"
        list={MeetingList}
        show={MeetingShow}
        create={can('mediation:manage') ? MeetingCreate : undefined}
        recordRepresentation="heldOn"
        icon={GroupsIcon}
      />
    ),
    can('dispute:read') && (
      <Resource
        key="petitionCases"
        name="petitionCases"
        list={PetitionList}
        show={PetitionShow}
        create={can('mediation:manage') ? PetitionCreate : undefined}
        recordRepresentation="title"
        icon={MarkEmailUnreadIcon}
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
