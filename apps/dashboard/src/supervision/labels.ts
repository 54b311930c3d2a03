import type { FeatureLabels } from '../features/feature';

export const supervisionLabels: FeatureLabels = {
  zh: { name: '指挥调度', fields: {} },
  en: { name: 'Command view', fields: {} },
};
