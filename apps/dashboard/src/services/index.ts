import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import ListAltIcon from '@mui/icons-material/ListAlt';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import PolicyIcon from '@mui/icons-material/Policy';
import { lazyPage, type Feature } from '../features/feature';
import { applicationLabels, catalogueLabels, communityLabels, policyLabels } from './labels';
import {
  applicationResource,
  communityResource,
  policyResource,
  serviceItemResource,
} from './service-resources';

/** 办件: the applications of the user's service points, their work queues and steps. */
export const serviceApplicationsFeature: Feature = {
  name: 'serviceApplications',
  graphql: applicationResource,
  icon: AssignmentTurnedInIcon,
  action: 'service:read',
  list: lazyPage(() => import('./ApplicationList'), 'ApplicationList'),
  show: lazyPage(() => import('./ApplicationShow'), 'ApplicationShow'),
  create: {
    page: lazyPage(() => import('./ApplicationCreate'), 'ApplicationCreate'),
    action: 'service:apply',
  },
  recordRepresentation: 'number',
  labels: applicationLabels,
};

/** 服务事项: the catalogue, offered per region; public information. */
export const serviceItemsFeature: Feature = {
  name: 'serviceItems',
  graphql: serviceItemResource,
  icon: ListAltIcon,
  list: lazyPage(() => import('./CatalogueList'), 'CatalogueList'),
  show: lazyPage(() => import('./CatalogueList'), 'ServiceItemShow'),
  recordRepresentation: 'name',
  labels: catalogueLabels,
};

/** 政策公开: the disclosed policies, the public list of each place. */
export const policiesFeature: Feature = {
  name: 'policies',
  graphql: policyResource,
  icon: PolicyIcon,
  list: lazyPage(() => import('./PolicyList'), 'PolicyList'),
  show: lazyPage(() => import('./PolicyShow'), 'PolicyShow'),
  recordRepresentation: 'title',
  labels: policyLabels,
};

/** 社区: profiles, central communities and the 1,000-metre map. */
export const communitiesFeature: Feature = {
  name: 'communityProfiles',
  graphql: communityResource,
  icon: LocationCityIcon,
  list: lazyPage(() => import('./CommunityList'), 'CommunityList'),
  show: lazyPage(() => import('./CommunityShow'), 'CommunityShow'),
  recordRepresentation: 'regionCode',
  labels: communityLabels,
};
