import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { trimmed } from '../write-input';
import { REGION_REF } from '../common/region-ref';

const ROW = `id title regionCode state registeredOn resolvedOn version region { ${REGION_REF} }
    organization { id name regionCode region { ${REGION_REF} } }`;

export const toPetitionFilter = filterMapper('petitionCases', {
  regionCode: asIs,
  state: asList,
  registeredFrom: asIs,
  registeredTo: asIs,
});

export function toRegisterPetitionInput(data: Record<string, unknown>) {
  return {
    title: trimmed(data.title),
    regionCode: String(data.regionCode),
    registeredOn: String(data.registeredOn),
  };
}

/** The API's mutations of a petition case's steps (petition-commands.tsx says which step each takes). */
const PETITION_MUTATIONS = ['assignPetitionCase', 'resolvePetitionCase'] as const;
export type PetitionMutation = (typeof PETITION_MUTATIONS)[number];

// Newest registration first, the API's only order.
export const petitionResource = nodeResource('PetitionCase', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} createdAt updatedAt availableCommands`,
  toFilter: toPetitionFilter,
  create: { field: 'registerPetitionCase', toInput: toRegisterPetitionInput },
  steps: PETITION_MUTATIONS,
});
