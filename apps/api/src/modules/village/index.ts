import { VILLAGE_ALERTS, VILLAGE_KPIS } from './village-kpis';
import { VILLAGE_REPORT_SECTIONS } from './village.report';
import { defineModule } from '../../common/module';
import { seedWhileEmpty } from '../../common/seed-kit';
import { AssistanceService } from './assistance.service';
import { CadreService } from './cadre.service';
import { VillageProfileService } from './profile.service';
import {
  VillageOrganizationMemberResolver,
  VillageOrganizationResolver,
  VillageProfileResolver,
} from './profile.resolver';
import { VillageSafetyService } from './safety.service';
import { PairingResolver, PostingResolver, StationedCadreResolver, WorkUnitResolver } from './unit.resolver';
import { createVillageLoaders, type VillageLoaders } from './village.loaders';
import { VILLAGE_EXPORTS } from './village.exports';
import { seedVillages } from './village.seed';
import {
  CadreRegionFiguresResolver,
  CadreStatsRegionResolver,
  CadreUnitFiguresResolver,
  VillageRegionFiguresResolver,
  VillageStatsResolver,
} from './village-stats.resolver';
import { VillageStatsService } from './village-stats.service';
import {
  AssistanceResolver,
  DisputeCaseVisitResolver,
  DueHouseholdResolver,
  VisitResolver,
} from './visit.resolver';
import { VisitService } from './visit.service';
import { WorkUnitService } from './work-unit.service';

declare module '../../common/module' {
  interface ModuleServices {
    workUnits: WorkUnitService;
    cadres: CadreService;
    visits: VisitService;
    assistance: AssistanceService;
    villageProfiles: VillageProfileService;
    villageSafety: VillageSafetyService;
    villageStats: VillageStatsService;
  }
  interface ModuleLoaders {
    village: VillageLoaders;
  }
}

/**
 * Villages and stationed cadres (单位包村、干部驻村): work units and their pairings, cadres and postings, household
 * visits and assistance, village profiles with the "1+3+N" organisations and safety records, and their KPIs.
 */
export const villageModule = defineModule({
  name: 'village',
  tables: [
    'village_indicator',
    'village_organization',
    'village_organization_member',
    'village_safety_record',
    'stationed_cadre',
    'posting',
    'work_unit',
    'pairing',
    'assistance',
    'assistance_event',
    'household_income',
    'visit',
    'visit_rollup',
    'household_visit_month',
    'household_visit_rollup',
    'household_rollup',
    'poor_visit_figures',
    'village_year',
    'village_year_figures',
    'cadre_visit_rollup',
    'cadre_visit_year_rollup',
    'household_visit_chain',
    'household_visit_chain_rollup',
    'poor_visit_run_rollup',
    'household_first_visit',
    'household_first_visit_rollup',
    'visit_unit_rollup',
    'cadre_posted_span',
    'cadre_posted_rollup',
    'cadre_period_visits',
    'cadre_period_visit_rollup',
  ],
  services: (deps, { audit }) => {
    const workUnits = new WorkUnitService(audit);
    const cadres = new CadreService(audit, deps.cipher, workUnits);
    const visits = new VisitService(audit, cadres);
    return {
      workUnits,
      cadres,
      visits,
      assistance: new AssistanceService(audit, cadres, visits),
      villageProfiles: new VillageProfileService(audit),
      villageSafety: new VillageSafetyService(audit),
      villageStats: new VillageStatsService(),
    };
  },
  loaders: (ctx) => ({ village: createVillageLoaders(ctx) }),
  exports: VILLAGE_EXPORTS,
  resolvers: [
    WorkUnitResolver,
    PairingResolver,
    StationedCadreResolver,
    PostingResolver,
    VisitResolver,
    DueHouseholdResolver,
    DisputeCaseVisitResolver,
    AssistanceResolver,
    VillageProfileResolver,
    VillageOrganizationResolver,
    VillageOrganizationMemberResolver,
    VillageStatsResolver,
    CadreRegionFiguresResolver,
    CadreStatsRegionResolver,
    CadreUnitFiguresResolver,
    VillageRegionFiguresResolver,
  ],
  seed: seedWhileEmpty('work_unit', 'village', async ({ m, services, accounts }) => {
    const yishan = accounts ? await services.users.idOf(m, 'yishan') : null;
    return seedVillages(m, { yishanUserId: yishan });
  }),
  kpis: VILLAGE_KPIS,
  alerts: VILLAGE_ALERTS,
  reportSections: VILLAGE_REPORT_SECTIONS,
  constraints: {
    work_unit_name: {
      code: 'CONFLICT',
      message: 'A work unit of that name exists in the region.',
      field: 'name',
    },
    pairing_term: {
      code: 'CONFLICT',
      message: 'The unit is paired with the village from that day already.',
      field: 'startsOn',
    },
    stationed_cadre_user: {
      code: 'CONFLICT',
      message: 'That account is linked to another cadre already.',
      field: 'userId',
    },
    posting_one_active: {
      code: 'CONFLICT',
      message: 'The cadre has an active posting; end it first.',
      field: 'cadreId',
    },
    visit_dispute_case: { code: 'CONFLICT', message: 'A dispute was reported from this visit already.' },
    village_indicator_year: {
      code: 'CONFLICT',
      message: 'The village has that year recorded already.',
      field: 'year',
    },
    village_organization_name: {
      code: 'CONFLICT',
      message: 'The village has an organisation of that name already.',
      field: 'name',
    },
  },
});
