import { byKeyLoader, groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';
import type { DisputeCaseEvent } from './dispute-case-event.types';
import type { DisputeCase, DisputeParty } from './dispute-case.types';
import type { Mediator } from './mediator.types';
import type { MediationOrganization } from './organization.types';

const id = (row: { id: string }) => row.id;
const caseId = (row: { caseId: string }) => row.caseId;

/** Relation fields of dispute cases, batched per request and always inside the caller's scope. */
export function createDisputeCaseLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    disputeCase: byKeyLoader<DisputeCase>((ids) => services.disputeCases.findByIds(ctx, ids), id),
    organization: byKeyLoader<MediationOrganization>((ids) => services.organizations.findByIds(ctx, ids), id),
    mediator: byKeyLoader<Mediator>((ids) => services.mediators.findByIds(ctx, ids), id),
    parties: groupLoader<DisputeParty>((ids) => services.disputeCases.partiesOf(ctx, ids), caseId),
    timeline: groupLoader<DisputeCaseEvent>((ids) => services.disputeCases.timelineOf(ctx, ids), caseId),
  };
}

export type DisputeCaseLoaders = ReturnType<typeof createDisputeCaseLoaders>;
