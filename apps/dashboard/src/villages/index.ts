import AgricultureIcon from '@mui/icons-material/Agriculture';
import BadgeIcon from '@mui/icons-material/Badge';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import InsightsIcon from '@mui/icons-material/Insights';
import { REGION_LEVELS } from '@qiangji/domain';
import { lazyPage, type Feature } from '../features/feature';
import ApartmentIcon from '@mui/icons-material/Apartment';
import HandshakeIcon from '@mui/icons-material/Handshake';
import { assistanceLabels, cadreLabels, pairingLabels, visitLabels, workUnitLabels } from './labels';
import { pairingResource, workUnitResource } from './unit-resources';
import { stationedCadreResource } from './cadre-resource';
import { assistanceResource } from './assistance-resource';
import { visitResource } from './visit-resource';

/** 驻村走访 (issue 10): visits, with the village profile page and the stationed cadres' overview after them. */
export const visitsFeature: Feature = {
  name: 'visits',
  graphql: visitResource,
  icon: AgricultureIcon,
  action: 'village:read',
  list: lazyPage(() => import('./VisitList'), 'VisitList'),
  show: lazyPage(() => import('./VisitShow'), 'VisitShow'),
  create: { page: lazyPage(() => import('./VisitCreate'), 'VisitCreate'), action: 'visit:write' },
  recordRepresentation: 'visitedOn',
  pages: [
    {
      path: '/village',
      page: lazyPage(() => import('./VillagePage'), 'VillagePage'),
      menuLabel: 'app.villages.village.menu',
      icon: HolidayVillageIcon,
      // An urban community (and its grid units) has no villages to open.
      levels: REGION_LEVELS.filter((level) => level !== 'COMMUNITY' && level !== 'GRID'),
    },
    {
      path: '/cadres',
      page: lazyPage(() => import('./CadreOverview'), 'CadreOverview'),
      menuLabel: 'app.villages.overview.menu',
      icon: InsightsIcon,
    },
  ],
  labels: visitLabels,
};

/** 帮扶: assistance of households, moved through the domain's machine. */
export const assistancesFeature: Feature = {
  name: 'assistances',
  graphql: assistanceResource,
  icon: VolunteerActivismIcon,
  action: 'village:read',
  list: lazyPage(() => import('./AssistanceList'), 'AssistanceList'),
  show: lazyPage(() => import('./AssistanceShow'), 'AssistanceShow'),
  recordRepresentation: 'description',
  labels: assistanceLabels,
};

/** 驻村干部: the cadres, their postings and what they carry on. */
export const stationedCadresFeature: Feature = {
  name: 'stationedCadres',
  graphql: stationedCadreResource,
  icon: BadgeIcon,
  action: 'village:read',
  list: lazyPage(() => import('./CadreList'), 'CadreList'),
  show: lazyPage(() => import('./CadreShow'), 'CadreShow'),
  create: { page: lazyPage(() => import('./UnitAndCadreCreate'), 'CadreCreate'), action: 'village:write' },
  recordRepresentation: 'name',
  labels: cadreLabels,
};

/** 包村单位: the units that pair with villages and send their cadres. */
export const workUnitsFeature: Feature = {
  name: 'workUnits',
  graphql: workUnitResource,
  icon: ApartmentIcon,
  // Managed by the offices; a cadre meets its unit on its own page.
  action: 'village:write',
  list: lazyPage(() => import('./WorkUnitList'), 'WorkUnitList'),
  create: { page: lazyPage(() => import('./UnitAndCadreCreate'), 'WorkUnitCreate'), action: 'village:write' },
  recordRepresentation: 'name',
  labels: workUnitLabels,
};

/** 包村: read and made on the village page, so it has no list of its own. */
export const pairingsFeature: Feature = {
  name: 'pairings',
  graphql: pairingResource,
  icon: HandshakeIcon,
  action: 'village:read',
  labels: pairingLabels,
};
