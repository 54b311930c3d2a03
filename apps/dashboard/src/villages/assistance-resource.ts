import type { GraphqlResource } from '../data-provider';
import { inputMutations } from '../graphql-resource';
import { asIs, asList, filterMapper } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';

const ROW = `id type description amountYuan state plannedOn startedOn doneOn abandonedOn cadreName regionCode version
  region { ${REGION_REF} } household { id address }`;

export const toAssistanceFilter = filterMapper('assistances', {
  regionCode: asIs,
  type: asList,
  state: asList,
  householdId: asIs,
  cadreId: asIs,
});

/** The API's mutations of an assistance's steps (assistance-commands.tsx says which step each takes). */
const ASSISTANCE_MUTATIONS = ['startAssistance', 'completeAssistance', 'abandonAssistance'] as const;
export type AssistanceMutation = (typeof ASSISTANCE_MUTATIONS)[number];

export const assistanceResource: GraphqlResource = {
  typeName: 'Assistance',
  listField: 'assistances',
  one: { field: 'assistance', argument: 'id', type: 'ID!' },
  filterType: 'AssistanceFilter',
  // Newest plan first, the API's only order.
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} outcome abandonReason availableCommands
    timeline { at command toState actorName }
    effect { before { year incomeYuan } after { year incomeYuan } growth }`,
  toFilter: toAssistanceFilter,
  commands: inputMutations('Assistance', ASSISTANCE_MUTATIONS),
};
