import { BooleanField, Datagrid, List, NumberField, TextField } from 'react-admin';
import { LabelChips, LabelField } from '../common/LabelChips';
import { RegionLink } from '../common/RegionLink';
import { mediatorFilters } from './mediator-filters';

/** Mediators working in the user's jurisdiction, by name, with how many cases each carries now. */
export const MediatorList = () => (
  <List filters={mediatorFilters} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <LabelField source="employment" messages="app.mediator_employment" sortable={false} />
      <LabelChips source="specialities" messages="app.dispute_type" sortable={false} />
      <TextField source="phone" sortable={false} emptyText="—" />
      <RegionLink label="resources.mediators.fields.region" sortable={false} />
      <NumberField source="activeCaseLoad" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
