import { CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { allows } from './auth/actions';
import type { GuardedPage } from './features/feature';
import { featuresFor } from './features';

export { GRAPHQL_RESOURCES } from './features';

/** The resources and pages (so the routes) the signed-in user's actions allow, from the features' list. */
export function resourcesFor(permissions: unknown) {
  const allowed = (page: GuardedPage | undefined) =>
    page && allows(permissions, page.action) ? page.page : undefined;
  return featuresFor(permissions).flatMap((feature) => [
    <Resource
      key={feature.name}
      name={feature.name}
      list={feature.list}
      show={feature.show}
      create={allowed(feature.create)}
      edit={allowed(feature.edit)}
      recordRepresentation={feature.recordRepresentation}
      icon={feature.icon}
    />,
    ...(feature.pages ?? [])
      .filter((page) => !page.action || allows(permissions, page.action))
      .map(({ path, page: Page }) => (
        <CustomRoutes key={path}>
          <Route path={path} element={<Page />} />
        </CustomRoutes>
      )),
  ]);
}
