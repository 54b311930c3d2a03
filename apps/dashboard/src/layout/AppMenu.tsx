import { createElement } from 'react';
import { Menu, usePermissions } from 'react-admin';
import { useJurisdiction } from '../common/use-jurisdiction';
import { featuresFor, menuPagesFor } from '../features';

/** The sidebar: home, then each feature the user may see (its list, then its own pages), in FEATURES order. */
export const AppMenu = () => {
  const { permissions } = usePermissions();
  const level = useJurisdiction()?.level;
  return (
    <Menu>
      <Menu.DashboardItem />
      {featuresFor(permissions).flatMap((feature) => [
        feature.list && <Menu.ResourceItem key={feature.name} name={feature.name} />,
        ...menuPagesFor(feature, permissions, level).map((page) => (
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
