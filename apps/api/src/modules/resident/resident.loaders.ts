import DataLoader from 'dataloader';
import { groupBy } from '../../common/group-by';
import type { RequestContext, Services } from '../../server/context';
import type { Household, Resident } from './resident.types';

/** Relation fields of households and residents, batched per request and always inside the caller's scope. */
export function createResidentLoaders(ctx: RequestContext, services: Services) {
  const byId = <T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await find(ids)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  return {
    household: byId<Household>((ids) => services.households.findByIds(ctx, ids)),
    head: byId<Resident>((ids) => services.residents.findByIds(ctx, ids, 'Household.head')),
    /** A dispute party linked to the registry (mediation reads people through here, audited). */
    party: byId<Resident>((ids) => services.residents.findByIds(ctx, ids, 'DisputeParty.resident')),
    members: new DataLoader(async (householdIds: readonly string[]) => {
      const byHousehold = groupBy(
        await services.residents.findByHouseholds(ctx, householdIds),
        (r) => r.householdId,
      );
      return householdIds.map((id) => byHousehold.get(id) ?? []);
    }),
  };
}

export type ResidentLoaders = ReturnType<typeof createResidentLoaders>;
