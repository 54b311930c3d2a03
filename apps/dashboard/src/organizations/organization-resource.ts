import type { RaRecord } from 'react-admin';
import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { changed, optionalText, trimmed } from '../write-input';
import { REGION_REF } from '../common/region-ref';

const ROW = `id kind industry name regionCode partnerUniversity version region { ${REGION_REF} } memberCount`;

export const toOrganizationFilter = filterMapper('mediationOrganizations', {
  regionCode: asIs,
  kind: asList,
  industry: asList,
  nameContains: asIs,
});

/** The industry goes with industry committees only, the law school with legal clinics only: the API refuses others. */
export function toCreateOrganizationInput(data: Record<string, unknown>) {
  return {
    kind: String(data.kind),
    name: trimmed(data.name),
    regionCode: String(data.regionCode),
    ...(data.kind === 'INDUSTRY_COMMITTEE' ? { industry: String(data.industry) } : {}),
    ...(data.kind === 'LEGAL_CLINIC' ? optionalText('partnerUniversity', data.partnerUniversity) : {}),
  };
}

/** Only what changed; an emptied law school is the API's empty string, which removes it. */
export function toUpdateOrganizationInput(data: Record<string, unknown>, previous?: RaRecord) {
  if (typeof previous?.version !== 'number')
    throw new Error('The organisation was not read before the change.');
  return {
    expectedVersion: previous.version,
    ...changed('name', trimmed(data.name), previous.name),
    ...(previous.kind === 'LEGAL_CLINIC'
      ? changed('partnerUniversity', trimmed(data.partnerUniversity), previous.partnerUniversity ?? '')
      : {}),
  };
}

export function toClinicServiceInput(organizationId: string, data: Record<string, unknown>) {
  // The API takes the month as its first day.
  const month = String(data.month).slice(0, 7);
  return { organizationId, month: `${month}-01`, peopleServed: Number(data.peopleServed) };
}

// The API lists organisations by name and has no orderBy for them.
export const organizationResource = nodeResource('MediationOrganization', {
  exportable: true,
  listFields: ROW,
  detailFields: `${ROW} createdAt updatedAt`,
  toFilter: toOrganizationFilter,
  create: { field: 'createMediationOrganization', toInput: toCreateOrganizationInput },
  update: { field: 'updateMediationOrganization', toInput: toUpdateOrganizationInput },
  commands: {
    recordClinicService: `mutation MediationOrganizationRecordClinicService($input: RecordLegalClinicServiceInput!) {
  result: recordLegalClinicService(input: $input) { id month peopleServed }
}`,
  },
});
