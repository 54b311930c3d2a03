import type { Action, RegionLevel } from '@qiangji/domain';
import { lazy, type ComponentType } from 'react';
import type { GraphqlResource } from '../graphql-resource';

/** react-admin's `resources.<name>` messages of one language: the resource's name and its fields' labels. */
export type ResourceMessages = {
  name: string;
  fields: Record<string, string>;
};

export interface FeatureLabels {
  zh: ResourceMessages;
  en: ResourceMessages;
}

/** A page shown only to those whose actions include `action` (the API refuses the others all the same). */
export interface GuardedPage {
  page: ComponentType;
  action: Action;
}

/** A page of a feature beside its resource's (the mediation overview), with its entry in the menu. */
export interface FeaturePage {
  /** The route, e.g. `/mediation`. */
  path: string;
  page: ComponentType;
  /** The menu entry's message key. */
  menuLabel: string;
  icon: ComponentType;
  /** The action that shows the page; absent: whoever sees the feature sees the page. */
  action?: Action;
  /**
   * The levels of jurisdiction the page serves (monthly reports: streets and above); absent: every level. Only the
   * menu and the home's shortcuts follow it: the route stays, so a link from a wider view still opens.
   */
  levels?: readonly RegionLevel[];
}

/**
 * One module of the dashboard, declared in its folder's index.ts: the menus, the routes, the data provider and
 * the translations are built from the list in features/index.ts, so adding a feature is its folder plus one
 * line there.
 */
export interface Feature {
  /** The react-admin resource: its route (#/disputeCases), its data provider key and its messages' key. */
  name: string;
  /** How the data provider reads and writes it; its operations are checked against the API's schema. */
  graphql: GraphqlResource;
  icon: ComponentType;
  /** The action that shows the feature at all; absent: every signed-in user sees it. */
  action?: Action;
  list?: ComponentType;
  show?: ComponentType;
  create?: GuardedPage;
  edit?: GuardedPage;
  recordRepresentation?: string;
  /** Pages of the feature's own, shown after its resource in the menu. */
  pages?: readonly FeaturePage[];
  labels: FeatureLabels;
}

/**
 * A page loaded when first shown: each page is a chunk of its own, so the sign-in form does not wait for the
 * lists and forms behind it. `name` is the module's named export.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  // The module's component, whatever its props: lazy() hands them through unchanged.
  type Page = ComponentType<Record<string, unknown>>;
  return lazy(async () => ({ default: (await load())[name] as Page })) as M[K];
}
