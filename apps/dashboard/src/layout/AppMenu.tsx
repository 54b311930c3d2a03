import InsightsIcon from '@mui/icons-material/Insights';
import { Menu, usePermissions, useResourceDefinitions } from 'react-admin';
import { allows } from '../auth/actions';

/**
 * The sidebar: home, then every resource the user may list in the order resources.tsx gives them, with the
 * mediation overview (a page, not a resource) right after the dispute cases.
 */
export const AppMenu = () => {
  const resources = useResourceDefinitions();
  const { permissions } = usePermissions();
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList)
        .flatMap((name) => [
          <Menu.ResourceItem key={name} name={name} />,
          name === 'disputeCases' && allows(permissions, 'dispute:read') && (
            <Menu.Item
              key="mediation-overview"
              to="/mediation"
              primaryText="app.mediation.menu"
              leftIcon={<InsightsIcon />}
            />
          ),
        ])}
    </Menu>
  );
};
