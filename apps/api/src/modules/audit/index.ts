import { defineModule } from '../../common/module';
import { auditEventExport } from './audit.export';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

declare module '../../common/module' {
  interface ModuleServices {
    audit: AuditService;
  }
}

/** The append-only trail every other module writes through `ctx.services.audit`. */
export const auditModule = defineModule({
  name: 'audit',
  tables: ['audit_event'],
  services: () => ({ audit: new AuditService() }),
  resolvers: [AuditResolver],
  exports: [auditEventExport],
});
