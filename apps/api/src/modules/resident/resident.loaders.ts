import { byIdLoader, groupLoader } from '../../common/loaders';
import type { RequestContext } from '../../server/context';
import type { Household, Resident } from './resident.types';

/** Relation fields of households and residents, batched per request and always inside the caller's scope. */
export function createResidentLoaders(ctx: RequestContext) {
  const { services } = ctx;
  return {
    household: byIdLoader<Household>((ids) => services.households.findByIds(ctx, ids)),
    head: byIdLoader<Resident>((ids) => services.residents.findByIds(ctx, ids, 'Household.head')),
    /** A dispute party linked to the registry (mediation reads people through here, audited). */
    party: byIdLoader<Resident>((ids) => services.residents.findByIds(ctx, ids, 'DisputeParty.resident')),
    members: groupLoader<Resident>(
      (householdIds) => services.residents.findByHouseholds(ctx, householdIds),
      (r) => r.householdId,
    ),
  };
}

export type ResidentLoaders = ReturnType<typeof createResidentLoaders>;
