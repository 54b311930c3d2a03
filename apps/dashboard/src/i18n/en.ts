import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { regionLevelMessages } from './region-level-messages';

/** English: react-admin's own messages plus every label of ours (zh.ts has the same keys). */
export const enMessages: TranslationMessages = {
  ...englishMessages,
  app: {
    title: 'Qiangji · Grassroots Governance',
    region_level: regionLevelMessages('en'),
    dashboard: {
      subordinates: 'Districts, counties and county-level cities',
    },
    errors: {
      BAD_USER_INPUT: 'Invalid input: %{detail}',
      UNAUTHENTICATED: 'Your session has ended; please sign in again',
      FORBIDDEN: 'You are not allowed to do this',
      NOT_FOUND: 'The record was not found',
      CONFLICT: 'Someone else changed this record; refresh and try again',
      INVALID_TRANSITION: 'This action is not allowed in the current state',
      RATE_LIMITED: 'Too many requests; please try again later',
      INTERNAL: 'Internal server error; please try again later',
    },
    regions: {
      breadcrumb: 'Region hierarchy',
      children: 'Subordinate regions',
      no_children: 'No subordinate regions',
      descendant_counts: 'Regions below',
      count: 'Count',
      still_valid: 'Present',
    },
  },
  resources: {
    regions: {
      name: 'Region |||| Regions',
      fields: {
        code: 'Code',
        name: 'Name',
        level: 'Level',
        parentCode: 'Parent',
        urbanRuralCode: 'Urban-rural code',
        population: 'Population',
        households: 'Households',
        validFrom: 'Valid from',
        validTo: 'Valid to',
        withinCode: 'Within region code',
        nameContains: 'Name',
      },
    },
  },
};
