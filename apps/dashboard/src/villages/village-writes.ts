import { upperFirst } from '../graphql-resource';

/**
 * The village page's writes, by their mutation: each takes `input: <Field>Input!` and answers the id of what it
 * made or changed; the page reads the village again afterwards.
 */
const FIELDS = [
  'createPairing',
  'startPosting',
  'endPosting',
  'recordVillageIndicators',
  'createVillageOrganization',
  'addVillageOrganizationMembers',
] as const;
export type VillageWrite = (typeof FIELDS)[number];

export const VILLAGE_WRITES: Readonly<Record<VillageWrite | 'importVillageIndicators', string>> = {
  ...(Object.fromEntries(
    FIELDS.map((field) => [
      field,
      `mutation ${upperFirst(field)}($input: ${upperFirst(field)}Input!) { result: ${field}(input: $input) { id } }`,
    ]),
  ) as Record<VillageWrite, string>),
  importVillageIndicators: `mutation ImportVillageIndicators($csv: String, $xlsx: String) {
    result: importVillageIndicators(csv: $csv, xlsx: $xlsx) { imported errors { line field message } } }`,
};
