import { nodeResource } from '../graphql-resource';
import { asList, filterMapper } from '../filter-mapper';
import { REGION_REF } from '../common/region-ref';
import { CADRE_WORK_FILTERS } from './cadre-resource';

const ROW = `id type description amountYuan state plannedOn startedOn doneOn abandonedOn cadreName regionCode version
  region { ${REGION_REF} } household { id address }`;

export const toAssistanceFilter = filterMapper('assistances', {
  ...CADRE_WORK_FILTERS,
  type: asList,
  state: asList,
});

/** The API's mutations of an assistance's steps (assistance-commands.tsx says which step each takes). */
const ASSISTANCE_MUTATIONS = ['startAssistance', 'completeAssistance', 'abandonAssistance'] as const;
export type AssistanceMutation = (typeof ASSISTANCE_MUTATIONS)[number];

export const assistanceResource = nodeResource('Assistance', {
  // Newest plan first, the API's only order.
  listFields: ROW,
  exportable: true,
  detailFields: `${ROW} outcome abandonReason availableCommands
    timeline { at command toState actorName }
    effect { before { year incomeYuan } after { year incomeYuan } growth }`,
  toFilter: toAssistanceFilter,
  steps: ASSISTANCE_MUTATIONS,
});
