import { byIdLoader, groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';
import type { DisputeCaseEvent } from './dispute-case-event.types';
import type { DisputeCase, DisputeParty } from './dispute-case.types';
import type { Mediator } from './mediator.types';
import type { MediationOrganization } from './organization.types';

const caseId = (row: { caseId: string }) => row.caseId;

/** Relation fields of dispute cases, batched per request and always inside the caller's scope. */
export function createDisputeCaseLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    disputeCase: byIdLoader<DisputeCase>((ids) => services.disputeCases.findByIds(ctx, ids)),
    organization: byIdLoader<MediationOrganization>((ids) => services.organizations.findByIds(ctx, ids)),
    mediator: byIdLoader<Mediator>((ids) => services.mediators.findByIds(ctx, ids)),
    parties: groupLoader<DisputeParty>((ids) => services.disputeCases.partiesOf(ctx, ids), caseId),
    timeline: groupLoader<DisputeCaseEvent>((ids) => services.disputeCases.timelineOf(ctx, ids), caseId),
  };
}

export type DisputeCaseLoaders = ReturnType<typeof createDisputeCaseLoaders>;
