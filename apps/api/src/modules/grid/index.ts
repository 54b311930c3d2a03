import { GRID_ALERTS, GRID_KPIS } from './grid-kpis';
import { GRID_REPORT_SECTIONS } from './grid.report';
import { defineModule } from '../../common/module';
import { seedWhileEmpty } from '../../common/seed-kit';
import { GridEventService } from './grid-event.service';
import { GRID_EXPORTS } from './grid.exports';
import { DisputeCaseGridEventResolver, GridEventResolver } from './grid-event.resolver';
import { createGridLoaders, type GridLoaders } from './grid.loaders';
import { seedGrid } from './grid.seed';
import { GridCoverageGapResolver, GridUnitResolver, HouseholdGridResolver } from './grid-unit.resolver';
import { GridUnitService } from './grid-unit.service';

declare module '../../common/module' {
  interface ModuleServices {
    gridEvents: GridEventService;
    gridUnits: GridUnitService;
  }
  interface ModuleLoaders {
    grid: GridLoaders;
  }
}

/** Grid management 网格化管理: grid workers on their units, the grid-event closed loop, zero reports. */
export const gridModule = defineModule({
  name: 'grid',
  tables: [
    'grid_event',
    'grid_event_step',
    'grid_event_rollup',
    'grid_worker_assignment',
    'household_grid_membership',
    'zero_report',
    'grid_unit_day',
    'grid_coverage_rollup',
    'grid_coverage_figures',
    'grid_unit_validity',
    'grid_unit_gap',
    'grid_unit_gap_rollup',
  ],
  services: (_deps, { audit }) => ({
    gridEvents: new GridEventService(audit),
    gridUnits: new GridUnitService(audit),
  }),
  loaders: (ctx) => ({ grid: createGridLoaders(ctx) }),
  exports: GRID_EXPORTS,
  resolvers: [
    GridEventResolver,
    DisputeCaseGridEventResolver,
    GridUnitResolver,
    GridCoverageGapResolver,
    HouseholdGridResolver,
  ],
  seed: seedWhileEmpty('grid_event', 'grid', ({ m }) => seedGrid(m)),
  kpis: GRID_KPIS,
  alerts: GRID_ALERTS,
  reportSections: GRID_REPORT_SECTIONS,
  constraints: {
    grid_worker_assignment_open: {
      code: 'CONFLICT',
      message: 'That worker is assigned to the unit already.',
      field: 'userId',
    },
    household_grid_membership_current: {
      code: 'CONFLICT',
      message: 'The household was moved at the same time by someone else.',
      field: 'householdId',
    },
  },
});
