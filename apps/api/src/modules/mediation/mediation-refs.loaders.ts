import DataLoader from 'dataloader';
import type { RequestContext } from '../../server/context';

/**
 * Relation fields of the reference side of grand mediation (organisations, mediators, meetings): one statement
 * per batch, inside the caller's scope. Organisations, mediators and cases by id are `ctx.loaders.mediation`'s.
 */
export function createMediationRefLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    memberCount: new DataLoader((ids: readonly string[]) => services.organizations.memberCounts(ctx, ids)),
    mediatorOrganizations: new DataLoader((ids: readonly string[]) =>
      services.mediators.organizationsOf(ctx, ids),
    ),
    activeCaseLoad: new DataLoader((ids: readonly string[]) => services.mediators.activeCaseLoads(ctx, ids)),
    meetingDecisions: new DataLoader((ids: readonly string[]) => services.meetings.decisionsOf(ctx, ids)),
  };
}

export type MediationRefLoaders = ReturnType<typeof createMediationRefLoaders>;
