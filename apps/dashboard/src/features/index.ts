import { apiKeysFeature } from '../api-keys';
import { auditFeature } from '../audit';
import { allows } from '../auth/actions';
import { disputeCasesFeature } from '../dispute-cases';
import { gridEventsFeature, gridUnitsFeature } from '../grid-events';
import type { GraphqlResource } from '../graphql-resource';
import { householdsFeature } from '../households';
import { meetingsFeature } from '../meetings';
import { mediatorsFeature } from '../mediators';
import { organizationsFeature } from '../organizations';
import { petitionsFeature } from '../petitions';
import { regionsFeature } from '../regions';
import { residentsFeature } from '../residents';
import {
  communitiesFeature,
  policiesFeature,
  serviceApplicationsFeature,
  serviceItemsFeature,
} from '../services';
import { securityFeature } from '../security';
import { supervisionFeature } from '../supervision';
import { usersFeature } from '../users';
import {
  assistancesFeature,
  pairingsFeature,
  stationedCadresFeature,
  visitsFeature,
  workUnitsFeature,
} from '../villages';
import { workCalendarFeature } from '../work-calendar';
import type { Feature, FeaturePage, ResourceMessages } from './feature';

/** Every feature of the dashboard, in menu order: a new module is its folder and one line here. */
export const FEATURES: readonly Feature[] = [
  supervisionFeature,
  regionsFeature,
  residentsFeature,
  householdsFeature,
  disputeCasesFeature,
  organizationsFeature,
  mediatorsFeature,
  meetingsFeature,
  petitionsFeature,
  serviceApplicationsFeature,
  serviceItemsFeature,
  policiesFeature,
  communitiesFeature,
  workCalendarFeature,
  gridEventsFeature,
  gridUnitsFeature,
  securityFeature,
  visitsFeature,
  assistancesFeature,
  stationedCadresFeature,
  workUnitsFeature,
  pairingsFeature,
  usersFeature,
  apiKeysFeature,
  auditFeature,
];

/** The data provider's GraphQL mapping of every resource. */
export const GRAPHQL_RESOURCES: Readonly<Record<string, GraphqlResource>> = Object.fromEntries(
  FEATURES.map((feature) => [feature.name, feature.graphql]),
);

/**
 * The features the signed-in user's actions show (menus, routes). Hiding is for clarity only: the API refuses
 * what the roles do not allow, whatever the dashboard shows.
 */
export function featuresFor(permissions: unknown): Feature[] {
  return FEATURES.filter((feature) => !feature.action || allows(permissions, feature.action));
}

/** A feature's own pages in the menu and the home's shortcuts: those the actions allow, at the account's level. */
export function menuPagesFor(
  feature: Feature,
  permissions: unknown,
  level: string | undefined,
): FeaturePage[] {
  return (feature.pages ?? []).filter(
    (page) =>
      (!page.action || allows(permissions, page.action)) &&
      (!page.levels || !level || page.levels.some((l) => l === level)),
  );
}

/** react-admin's `resources` messages of one language, from the features' labels. */
export function featureResourceMessages(language: 'zh' | 'en'): Record<string, ResourceMessages> {
  return Object.fromEntries(FEATURES.map((feature) => [feature.name, feature.labels[language]]));
}
