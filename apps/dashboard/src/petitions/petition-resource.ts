import type { GraphqlResource } from '../data-provider';
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

/** 交办 and 化解: the buttons of the petition page, from PETITION_CASE_TRANSITIONS, with the version read. */
export function toPetitionCommand(
  name: 'assign' | 'resolve' | 'leaveUnresolved',
  values: Record<string, unknown>,
  record: { id: string; version: number },
) {
  const base = { id: record.id, expectedVersion: record.version };
  if (name === 'assign')
    return { command: 'assign', input: { ...base, organizationId: String(values.organizationId) } };
  return {
    command: 'resolve',
    input: { ...base, resolved: name === 'resolve', on: String(values.on) },
  };
}

export const petitionResource: GraphqlResource = {
  typeName: 'PetitionCase',
  listField: 'petitionCases',
  one: { field: 'petitionCase', argument: 'id', type: 'ID!' },
  filterType: 'PetitionCaseFilter',
  // Newest registration first, the API's only order.
  listFields: ROW,
  detailFields: `${ROW} createdAt updatedAt`,
  toFilter: toPetitionFilter,
  create: {
    field: 'registerPetitionCase',
    inputType: 'RegisterPetitionCaseInput',
    toInput: toRegisterPetitionInput,
  },
  commands: {
    assign: `mutation PetitionCaseAssign($input: AssignPetitionCaseInput!) {
  result: assignPetitionCase(input: $input) { ...PetitionCaseDetail }
}`,
    resolve: `mutation PetitionCaseResolve($input: ResolvePetitionCaseInput!) {
  result: resolvePetitionCase(input: $input) { ...PetitionCaseDetail }
}`,
  },
};
