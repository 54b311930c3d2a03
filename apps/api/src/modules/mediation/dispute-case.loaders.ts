import DataLoader from 'dataloader';
import { groupBy } from '../../common/group-by';
import type { RequestContext, Services } from '../../server/context';
import type { DisputeCase, DisputeCaseEvent, DisputeParty } from './dispute-case.types';
import type { Mediator } from './mediator.types';
import type { MediationOrganization } from './organization.types';

/** Relation fields of dispute cases, batched per request and always inside the caller's scope. */
export function createDisputeCaseLoaders(ctx: RequestContext, services: Services) {
  const byId = <T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await find(ids)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  const byCase = <T extends { caseId: string }>(find: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = groupBy(await find(ids), (r) => r.caseId);
      return ids.map((id) => rows.get(id) ?? []);
    });
  return {
    disputeCase: byId<DisputeCase>((ids) => services.disputeCases.findByIds(ctx, ids)),
    organization: byId<MediationOrganization>((ids) => services.organizations.findByIds(ctx, ids)),
    mediator: byId<Mediator>((ids) => services.mediators.findByIds(ctx, ids)),
    parties: byCase<DisputeParty>((ids) => services.disputeCases.partiesOf(ctx, ids)),
    timeline: byCase<DisputeCaseEvent>((ids) => services.disputeCases.timelineOf(ctx, ids)),
  };
}

export type DisputeCaseLoaders = ReturnType<typeof createDisputeCaseLoaders>;
