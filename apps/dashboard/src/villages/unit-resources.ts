import { asIs, asList, filterMapper } from '../filter-mapper';
import { nodeResource } from '../graphql-resource';
import { trimmed } from '../write-input';

/** 包村单位: departments, state enterprises and institutions, by name. */
export const workUnitResource = nodeResource('WorkUnit', {
  listFields: 'id name kind level regionCode version',
  exportable: true,
  toFilter: filterMapper('workUnits', { q: asIs, kind: asList, level: asList }),
  create: {
    field: 'createWorkUnit',
    toInput: (d) => ({
      name: trimmed(d.name),
      kind: String(d.kind),
      level: String(d.level),
      regionCode: String(d.regionCode),
      idempotencyKey: String(d.idempotencyKey),
    }),
  },
});

/** 包村 pairings of units and villages; read on the village page, made there (the API has no single-pairing query). */
export const pairingResource = nodeResource('Pairing', {
  key: false,
  listFields: 'id startsOn endsOn goals regionCode workUnit { id name }',
  toFilter: filterMapper('pairings', { regionCode: asIs, workUnitId: asIs, activeOn: asIs }),
});
