import type { GraphqlResource } from '../data-provider';
import { nodeResource } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';
import { trimmed } from '../write-input';

const FORM_FIELDS = 'formFields { key label type required maxLength min max integer options }';
// The form and the checklist are in the row too: a picked item (a list row in react-admin's cache) draws its form.
const ITEM_ROW = `id code name category servicePoint onSite timeLimitDays materials { name required } ${FORM_FIELDS}
  eligibility eligibleTags minAge`;

export const serviceItemResource = nodeResource('ServiceItem', {
  listFields: ITEM_ROW,
  exportable: true,
  detailFields: `${ITEM_ROW} offeredAt policy { id title }`,
  toFilter: filterMapper('serviceItems', { offeredAt: asIs, category: asList, q: asIs }),
});

const POLICY_ROW = `id title category issuingBody effectiveFrom effectiveTo regionCode region { ${REGION_REF} }`;

export const policyResource: GraphqlResource = {
  typeName: 'Policy',
  listField: 'policies',
  one: { field: 'policy', argument: 'id', type: 'ID!' },
  filterType: 'PolicyFilter',
  listFields: POLICY_ROW,
  exportable: true,
  detailFields: `${POLICY_ROW} bodyHtml items { id name }`,
  toFilter: filterMapper('policies', { publishedFor: asIs, regionCode: asIs, category: asList, q: asIs }),
};

const PROFILE_ROW = `id regionCode kind centralCode serviceAreaM2 functions version region { ${REGION_REF} }`;

/** The points within the radius, nearest first, for the community page's map. */
const NEARBY = `query Nearby($code: String!, $radius: Int!) {
  result: nearby(communityCode: $code, radiusMeters: $radius, first: 200) {
    totalCount edges { node { id category name address openingHours distanceMeters location { lat lng } } }
  }
}`;

const QUEUE = `query ServiceQueue($code: String) { result: serviceQueue(regionCode: $code) { queue count } }`;

export const communityResource = nodeResource('CommunityProfile', {
  key: { argument: 'regionCode', type: 'String!' },
  listFields: PROFILE_ROW,
  exportable: true,
  detailFields: `${PROFILE_ROW} openingHours officePhone location { lat lng }
    central { id region { ${REGION_REF} } } satellites { id region { ${REGION_REF} } }`,
  toFilter: filterMapper('communityProfiles', { regionCode: asIs, kind: asList }),
  commands: { nearby: NEARBY, queue: QUEUE },
});

const APPLICATION_ROW = `id number state version dueAt overdue onSite submittedAt regionCode region { ${REGION_REF} }
  item { id name category } appointment { slotId day startsAt } availableCommands`;

/** The API's mutations of an application's steps (application-commands.tsx says which step each takes). */
const APPLICATION_MUTATIONS = [
  'acceptServiceApplication',
  'returnServiceApplication',
  'resubmitServiceApplication',
  'rejectServiceApplication',
  'bookServiceAppointment',
  'recordServiceNoShow',
  'handleServiceApplicationOnSite',
  'completeServiceApplication',
  'withdrawServiceApplication',
] as const;
export type ApplicationMutation = (typeof APPLICATION_MUTATIONS)[number];

/** The slots of a service point with room left, for the booking dialog. */
const SLOTS = `query ServiceSlots($filter: ServiceSlotFilter) {
  result: serviceSlots(filter: $filter, first: 50) { edges { node { id day startsAt endsAt capacity booked } } }
}`;

export function toSubmitInput(data: Record<string, unknown>) {
  const acting = data.actingFor as Record<string, unknown> | undefined;
  return {
    itemId: String(data.itemId),
    residentId: String(data.residentId),
    regionCode: String(data.regionCode),
    channel: data.channel ?? 'WINDOW',
    answers: data.answers ?? {},
    materials: (data.materials as string[] | undefined) ?? [],
    actingFor: acting?.name
      ? {
          name: trimmed(acting.name),
          relationship: trimmed(acting.relationship),
          idNumber: trimmed(acting.idNumber),
          phone: acting.phone ? trimmed(acting.phone) : null,
        }
      : null,
    // One key per form: a retry after a lost answer returns the first application, never a second.
    idempotencyKey: data.idempotencyKey ?? null,
  };
}

export const applicationResource = nodeResource('ServiceApplication', {
  listFields: APPLICATION_ROW,
  exportable: true,
  detailFields: `${APPLICATION_ROW} channel answers materials returnReason rejectReason withdrawReason workingDays
    onTime noShows acceptedAt completedAt actingFor { name relationship idNumber phone }
    item { id name category materials { name required } ${FORM_FIELDS} }
    timeline { id at command fromState toState actorName }`,
  toFilter: filterMapper('serviceApplications', { regionCode: asIs, state: asList, queue: asIs, q: asIs }),
  create: { field: 'submitServiceApplication', toInput: toSubmitInput },
  steps: APPLICATION_MUTATIONS,
  commands: { slots: SLOTS },
});
