import { createElement } from 'react';
import { Menu, usePermissions } from 'react-admin';
import { allows } from '../auth/actions';
import { featuresFor } from '../features';

/** The sidebar: home, then each feature the user may see (its list, then its own pages), in FEATURES order. */
export const AppMenu = () => {
  const { permissions } = usePermissions();
  return (
    <Menu>
      <Menu.DashboardItem />
      {featuresFor(permissions).flatMap((feature) => [
        feature.list && <Menu.ResourceItem key={feature.name} name={feature.name} />,
        ...(feature.pages ?? [])
          .filter((page) => !page.action || allows(permissions, page.action))
          .map((page) => (
            <Menu.Item
              key={page.path}
              to={page.path}
              primaryText={page.menuLabel}
              leftIcon={createElement(page.icon)}
            />
          )),
      ])}
    </Menu>
  );
};
