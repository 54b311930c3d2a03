import { SERVICE_KPIS } from './service-kpis';
import { SERVICE_REPORT_SECTIONS } from './service.report';
import { defineModule } from '../../common/module';
import { seedWhileEmpty } from '../../common/seed-kit';
import { PolicyResolver, ServiceItemResolver } from './catalogue.resolver';
import { CommunityProfileResolver } from './community.resolver';
import { CommunityService } from './community.service';
import { PointOfInterestResolver } from './poi.resolver';
import { PointOfInterestService } from './poi.service';
import { PolicyService } from './policy.service';
import { ServiceApplicationResolver } from './service-application.resolver';
import { ServiceApplicationService } from './service-application.service';
import { ServiceItemService } from './service-item.service';
import { ServiceSlotService } from './service-slot.service';
import { ServiceStatsService } from './service-stats.service';
import { createServiceLoaders, type ServiceLoaders } from './service.loaders';
import { SERVICE_EXPORTS } from './service.exports';
import { seedServices } from './service.seed';
import { WorkCalendarResolver } from './work-calendar.resolver';
import { WorkCalendarService } from './work-calendar.service';

declare module '../../common/module' {
  interface ModuleServices {
    communityProfiles: CommunityService;
    serviceItems: ServiceItemService;
    policies: PolicyService;
    pointsOfInterest: PointOfInterestService;
    serviceSlots: ServiceSlotService;
    serviceApplications: ServiceApplicationService;
    serviceStats: ServiceStatsService;
    workCalendar: WorkCalendarService;
  }
  interface ModuleLoaders {
    service: ServiceLoaders;
  }
}

/**
 * Public services 公共服务 (issue 11): community profiles and central communities, the service catalogue with
 * typed forms, policies, points of interest and the 1,000-metre map, applications with appointments and
 * working-day deadlines.
 */
export const serviceModule = defineModule({
  name: 'service',
  services: (deps, { audit }) => {
    const communityProfiles = new CommunityService(audit);
    const serviceItems = new ServiceItemService(audit, communityProfiles);
    const workCalendar = new WorkCalendarService(audit);
    return {
      communityProfiles,
      serviceItems,
      policies: new PolicyService(audit, communityProfiles),
      pointsOfInterest: new PointOfInterestService(audit, communityProfiles),
      serviceSlots: new ServiceSlotService(audit),
      serviceApplications: new ServiceApplicationService(audit, deps.cipher, serviceItems, workCalendar),
      serviceStats: new ServiceStatsService(),
      workCalendar,
    };
  },
  loaders: (ctx) => ({ service: createServiceLoaders(ctx) }),
  exports: SERVICE_EXPORTS,
  resolvers: [
    CommunityProfileResolver,
    ServiceItemResolver,
    PolicyResolver,
    PointOfInterestResolver,
    ServiceApplicationResolver,
    WorkCalendarResolver,
  ],
  seed: seedWhileEmpty('service_item', 'public-service', ({ m, cipher, services }) =>
    seedServices(m, cipher, services),
  ),
  kpis: SERVICE_KPIS,
  reportSections: SERVICE_REPORT_SECTIONS,
  constraints: {
    service_item_code: { code: 'CONFLICT', message: 'An item with that code exists already.', field: 'code' },
    service_slot_region_code_day_starts_at_key: {
      code: 'CONFLICT',
      message: 'The service point has a slot at that time already.',
      field: 'startsAt',
    },
  },
});
