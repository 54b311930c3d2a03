import type { ResidentTag } from '@qiangji/domain';
import type { RaRecord } from 'react-admin';
import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { changed, sameSet, trimmed } from '../write-input';
import { REGION_REF } from '../common/region-ref';

const ROW = `id name gender birthYear age idNumber phone tags regionCode version region { ${REGION_REF} }`;

/** The ID number filter is exact (the API matches its keyed hash), so case matters only for the check letter. */
export const toResidentFilter = filterMapper('residents', {
  regionCode: asIs,
  nameContains: asIs,
  tags: asList,
  idNumber: (value) => String(value).toUpperCase(),
  householdId: asIs,
  minAge: Number,
});

export function toRegisterResidentInput(data: Record<string, unknown>) {
  const phone = trimmed(data.phone);
  return {
    householdId: String(data.householdId),
    name: trimmed(data.name),
    idNumber: trimmed(data.idNumber).toUpperCase(),
    // No phone is no phone, not an empty one.
    ...(phone ? { phone } : {}),
    tags: (data.tags as ResidentTag[] | undefined) ?? [],
  };
}

/**
 * Only what the form changed: the audit log records each field sent. The record's phone is masked, so the
 * form never edits it in place: `newPhone` replaces it, `removePhone` deletes it (the API's empty string).
 */
export function toUpdateResidentInput(data: Record<string, unknown>, previous?: RaRecord) {
  if (typeof previous?.version !== 'number') throw new Error('The resident was not read before the change.');
  const newPhone = trimmed(data.newPhone);
  return {
    expectedVersion: previous.version,
    ...changed('name', trimmed(data.name), previous.name),
    ...(data.removePhone ? { phone: '' } : newPhone ? { phone: newPhone } : {}),
    ...(sameSet(data.tags, previous.tags) ? {} : { tags: data.tags ?? [] }),
  };
}

export const residentResource = nodeResource('Resident', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} createdAt updatedAt household { id address }`,
  sortFields: { name: 'NAME', createdAt: 'CREATED_AT' },
  toFilter: toResidentFilter,
  create: { field: 'registerResident', toInput: toRegisterResidentInput },
  update: { field: 'updateResident', toInput: toUpdateResidentInput },
  commands: {
    reveal: `mutation ResidentReveal($id: ID!, $purpose: String!) {
  result: revealResident(id: $id, purpose: $purpose) { id idNumber birthDate phone }
}`,
  },
});
