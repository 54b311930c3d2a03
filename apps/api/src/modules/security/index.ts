import { groupLoader } from '../../common/loaders';
import { SECURITY_KPIS } from './security-kpis';
import { SECURITY_REPORT_SECTIONS } from './security.report';
import { defineModule } from '../../common/module';
import { seedWhileEmpty } from '../../common/seed-kit';
import { SECURITY_EXPORTS } from './security.exports';
import type { RequestContext } from '../../server/context';
import { SecurityRecordsService } from './security-records.service';
import { SecurityStatisticService } from './security-statistic.service';
import { seedSecurity } from './security.seed';
import {
  LegalEducationEventResolver,
  SatisfactionSurveyResolver,
  SecurityRegionFiguresResolver,
  SecurityResolver,
  SecurityStatsResolver,
} from './security.resolver';
import type { SurveyResult } from './security.types';

function createSecurityLoaders(ctx: RequestContext) {
  return {
    surveyResults: groupLoader<SurveyResult>(
      (ids) => ctx.services.securityRecords.resultsOf(ctx, ids),
      (r) => r.surveyId,
    ),
  };
}

declare module '../../common/module' {
  interface ModuleServices {
    securityStatistics: SecurityStatisticService;
    securityRecords: SecurityRecordsService;
  }
  interface ModuleLoaders {
    security: ReturnType<typeof createSecurityLoaders>;
  }
}

/** Public security 公共安全: reported cases, satisfaction surveys, legal education, prevention resources. */
export const securityModule = defineModule({
  name: 'security',
  services: (_deps, { audit }) => ({
    securityStatistics: new SecurityStatisticService(audit),
    securityRecords: new SecurityRecordsService(audit),
  }),
  loaders: (ctx) => ({ security: createSecurityLoaders(ctx) }),
  exports: SECURITY_EXPORTS,
  resolvers: [
    SecurityResolver,
    SecurityStatsResolver,
    SecurityRegionFiguresResolver,
    SatisfactionSurveyResolver,
    LegalEducationEventResolver,
  ],
  seed: seedWhileEmpty('security_statistic', 'security', ({ m }) => seedSecurity(m)),
  kpis: SECURITY_KPIS,
  reportSections: SECURITY_REPORT_SECTIONS,
  constraints: {
    security_statistic_region_code_month_category_key: {
      code: 'CONFLICT',
      message: 'Figures for that region, month and category were sent at the same time; send them again.',
      field: 'rows',
    },
  },
});
