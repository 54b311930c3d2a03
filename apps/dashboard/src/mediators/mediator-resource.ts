import type { RaRecord } from 'react-admin';
import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { changed, optionalText, sameSet, trimmed } from '../write-input';
import { REGION_REF } from '../common/region-ref';

const ROW = `id name employment specialities phone regionCode active version region { ${REGION_REF} } activeCaseLoad`;

export const toMediatorFilter = filterMapper('mediators', {
  nameContains: asIs,
  regionCode: asIs,
  organizationId: asIs,
  employment: asList,
  speciality: asIs,
  active: asIs,
});

interface Qualification {
  title: string;
  issuedBy: string;
  obtainedOn: string;
}
interface Training {
  title: string;
  completedOn: string;
  hours: number;
}

const rows = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((row) => row && typeof row === 'object') : [];

function qualifications(value: unknown): Qualification[] {
  return rows(value)
    .map((q) => ({
      title: trimmed(q.title),
      issuedBy: trimmed(q.issuedBy),
      obtainedOn: String(q.obtainedOn ?? ''),
    }))
    .filter((q) => q.title);
}

function trainings(value: unknown): Training[] {
  return rows(value)
    .map((t) => ({
      title: trimmed(t.title),
      completedOn: String(t.completedOn ?? ''),
      hours: Number(t.hours ?? 0),
    }))
    .filter((t) => t.title);
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const organizationIdsOf = (record: RaRecord | undefined) =>
  Array.isArray(record?.organizations) ? record.organizations.map((o: { id: string }) => o.id) : [];

export function toRegisterMediatorInput(data: Record<string, unknown>) {
  return {
    name: trimmed(data.name),
    employment: String(data.employment),
    specialities: ids(data.specialities),
    qualifications: qualifications(data.qualifications),
    trainings: trainings(data.trainings),
    ...optionalText('phone', data.phone),
    regionCode: String(data.regionCode),
    organizationIds: ids(data.organizationIds),
  };
}

/** What the edit form starts from beyond the record: the ids of the organisations it lists. */
export const mediatorFormDefaults = (record: RaRecord | undefined) => ({
  organizationIds: organizationIdsOf(record),
});

const sameRows = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * Only what the form changed (lists replace the old ones whole). The phone on record is masked, so the form
 * offers a new one (`newPhone`) or its removal (`removePhone`, the API's empty string), as for residents.
 */
export function toUpdateMediatorInput(data: Record<string, unknown>, previous?: RaRecord) {
  if (typeof previous?.version !== 'number') throw new Error('The mediator was not read before the change.');
  const newPhone = trimmed(data.newPhone);
  const nextQualifications = qualifications(data.qualifications);
  const nextTrainings = trainings(data.trainings);
  return {
    expectedVersion: previous.version,
    ...changed('name', trimmed(data.name), previous.name),
    ...changed('employment', data.employment, previous.employment),
    ...(sameSet(data.specialities, previous.specialities) ? {} : { specialities: ids(data.specialities) }),
    ...(sameRows(nextQualifications, qualifications(previous.qualifications))
      ? {}
      : { qualifications: nextQualifications }),
    ...(sameRows(nextTrainings, trainings(previous.trainings)) ? {} : { trainings: nextTrainings }),
    ...(data.removePhone ? { phone: '' } : newPhone ? { phone: newPhone } : {}),
    ...changed('active', Boolean(data.active), previous.active),
    ...(sameSet(data.organizationIds, organizationIdsOf(previous))
      ? {}
      : { organizationIds: ids(data.organizationIds) }),
  };
}

// The API lists mediators by name and has no orderBy for them.
export const mediatorResource = nodeResource('Mediator', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} createdAt updatedAt
    qualifications { title issuedBy obtainedOn }
    trainings { title completedOn hours }
    organizations { id name kind regionCode }`,
  toFilter: toMediatorFilter,
  create: { field: 'registerMediator', toInput: toRegisterMediatorInput },
  update: { field: 'updateMediator', toInput: toUpdateMediatorInput },
});
