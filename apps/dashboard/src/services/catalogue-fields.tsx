import { TextInput, useRecordContext } from 'react-admin';
import { choicesFilter, regionFilter } from '../common/filter-inputs';
import { ResourceList, type ResourceListProps } from '../common/ResourceList';
import { EnumChip } from '../mediation/chips';
import { SERVICE_CATEGORY_CHOICES } from './service-messages';

/** The filters of a public list of a place (its catalogue, its policies): the place, categories, text. */
const placeFilters = (placeSource: string) => [
  regionFilter(placeSource),
  choicesFilter('category', SERVICE_CATEGORY_CHOICES, { minWidth: '10rem', alwaysOn: true }),
  <TextInput key="q" source="q" alwaysOn />,
];

/** A public list of a place, filtered by `place` (the filter field naming it), categories and text; 50 a page. */
export const PlaceList = ({ place, ...props }: Omit<ResourceListProps, 'filters'> & { place: string }) => (
  <ResourceList filters={placeFilters(place)} perPage={50} {...props} />
);

/** The record's service category as a chip; `label` and `sortable` are read by Datagrid and Labeled. */
export const CategoryField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ category: string }>();
  return record ? (
    <EnumChip value={record.category} messages="app.service_category" variant="outlined" />
  ) : null;
};
