import type { ResidentTag } from '@qiangji/domain';
import type { RaRecord } from 'react-admin';
import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { changed, sameSet, trimmed } from '../write-input';
import { REGION_REF } from '../common/region-ref';

const ROW = `id address tags regionCode version region { ${REGION_REF} } head { id name }`;

export const toHouseholdFilter = filterMapper('households', {
  regionCode: asIs,
  addressContains: asIs,
  tags: asList,
});

export function toRegisterHouseholdInput(data: Record<string, unknown>) {
  return {
    regionCode: String(data.regionCode),
    address: trimmed(data.address),
    tags: (data.tags as ResidentTag[] | undefined) ?? [],
  };
}

/** Only what the form changed, on top of the version it read (a stale one is the API's CONFLICT). */
export function toUpdateHouseholdInput(data: Record<string, unknown>, previous?: RaRecord) {
  if (typeof previous?.version !== 'number') throw new Error('The household was not read before the change.');
  return {
    expectedVersion: previous.version,
    ...changed('address', trimmed(data.address), previous.address),
    ...(sameSet(data.tags, previous.tags) ? {} : { tags: data.tags ?? [] }),
  };
}

// `households` has no orderBy: the API lists by address.
export const householdResource = nodeResource('Household', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} createdAt updatedAt
    members { id name gender age idNumber tags }`,
  toFilter: toHouseholdFilter,
  create: { field: 'registerHousehold', toInput: toRegisterHouseholdInput },
  update: { field: 'updateHousehold', toInput: toUpdateHouseholdInput },
});
