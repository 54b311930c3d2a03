import { byIdLoader, byKeyLoader, groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';
import type { Resident } from '../resident/resident.types';
import type { Policy, ServiceItem } from './catalogue.types';
import type { CommunityProfile } from './community.types';
import type { ServiceApplicationEvent } from './service-application.types';

/** Relation fields of the public-services module, batched per request (applications inside the caller's scope). */
export function createServiceLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    item: byIdLoader<ServiceItem>((ids) => services.serviceItems.findByIds(ctx, ids)),
    policy: byIdLoader<Policy>((ids) => services.policies.findByIds(ctx, ids)),
    itemsOfPolicy: groupLoader<ServiceItem>(
      (ids) => services.serviceItems.byPolicies(ctx, ids),
      (i) => i.policyId!,
    ),
    offerings: groupLoader(
      (ids) => services.serviceItems.offeringsOf(ctx, ids),
      (o) => o.itemId,
    ),
    profile: byKeyLoader<CommunityProfile>(
      (codes) => services.communityProfiles.findByCodes(ctx, codes),
      (p) => p.regionCode,
    ),
    satellites: groupLoader<CommunityProfile>(
      (codes) => services.communityProfiles.satellitesOf(ctx, codes),
      (p) => p.centralCode!,
    ),
    /** The resident an application is for: read through the registry, audited like any read of a person. */
    applicant: byIdLoader<Resident>((ids) =>
      services.residents.findByIds(ctx, ids, 'ServiceApplication.applicant'),
    ),
    timeline: groupLoader<ServiceApplicationEvent>(
      (ids) => services.serviceApplications.timelineOf(ctx, ids),
      (e) => e.applicationId,
    ),
  };
}

export type ServiceLoaders = ReturnType<typeof createServiceLoaders>;
