import { defineModule } from '../../common/module';
import { HouseholdService } from './household.service';
import { createResidentLoaders, type ResidentLoaders } from './resident.loaders';
import { HouseholdResolver, ResidentResolver } from './resident.resolver';
import { householdExport, residentExport } from './resident.export';
import { RESIDENT_REPORT_SECTIONS } from './resident.report';
import { seedResidents } from './resident.seed';
import { ResidentService } from './resident.service';

declare module '../../common/module' {
  interface ModuleServices {
    households: HouseholdService;
    residents: ResidentService;
  }
  interface ModuleLoaders {
    resident: ResidentLoaders;
  }
}

/** The resident registry: households 户 and residents 居民, with encrypted ID numbers and phones. */
export const residentModule = defineModule({
  name: 'resident',
  tables: ['household', 'resident', 'registry_rollup'],
  services: (deps, { audit }) => ({
    households: new HouseholdService(audit),
    residents: new ResidentService(audit, deps.cipher),
  }),
  loaders: (ctx) => ({ resident: createResidentLoaders(ctx) }),
  resolvers: [HouseholdResolver, ResidentResolver],
  seed: async ({ m, cipher }) => {
    const [{ empty }] = await m.query('SELECT NOT EXISTS (SELECT 1 FROM household) AS empty');
    return empty ? seedResidents(m, cipher) : null;
  },
  exports: [residentExport, householdExport],
  reportSections: RESIDENT_REPORT_SECTIONS,
  constraints: {
    resident_id_number: {
      code: 'CONFLICT',
      message: 'This ID number is already registered.',
      field: 'idNumber',
    },
  },
});
