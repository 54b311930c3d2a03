import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyPage, type Feature } from '../features/feature';
import { regionLabels } from './labels';
import { regionResource } from './region-resource';

/** 行政区划: the region tree from the city down to the grid unit, reference data every account reads. */
export const regionsFeature: Feature = {
  name: 'regions',
  graphql: regionResource,
  icon: AccountTreeIcon,
  list: lazyPage(() => import('./RegionList'), 'RegionList'),
  show: lazyPage(() => import('./RegionShow'), 'RegionShow'),
  recordRepresentation: 'name',
  labels: regionLabels,
};
