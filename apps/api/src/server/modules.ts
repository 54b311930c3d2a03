import type { ModuleDefinition } from '../common/module';
import { accessModule } from '../modules/access';
import { auditModule } from '../modules/audit';
import { gridModule } from '../modules/grid';
import { mediationModule } from '../modules/mediation';
import { regionModule } from '../modules/region';
import { reportModule } from '../modules/report';
import { residentModule } from '../modules/resident';
import { serviceModule } from '../modules/service';
import { securityModule } from '../modules/security';
import { supervisionModule } from '../modules/supervision';
import { villageModule } from '../modules/village';

/**
 * Every module of the API, in dependency order (a module's services may use those listed before it). Adding a
 * module is its folder and one line here; see "Adding a module" in docs/architecture.md.
 */
export const MODULES: readonly ModuleDefinition[] = [
  auditModule,
  regionModule,
  accessModule,
  residentModule,
  mediationModule,
  serviceModule,
  gridModule,
  securityModule,
  supervisionModule,
  villageModule,
  reportModule,
];
