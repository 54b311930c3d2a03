import Alert from '@mui/material/Alert';
import { TextInput, useRecordContext, useTranslate } from 'react-admin';
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

export interface Eligibility {
  eligibility: string;
  eligibleTags: string[];
  minAge: number | null;
}

/** Who may apply (申请条件): the item's words, then the conditions the API checks at submission. */
export const WhoMayApply = ({ item }: { item: Eligibility | undefined }) => {
  const translate = useTranslate();
  if (!item) return null;
  const checked = [
    ...(item.minAge ? [translate('app.services.min_age', { n: item.minAge })] : []),
    ...(item.eligibleTags.length
      ? [
          translate('app.services.tagged', {
            tags: item.eligibleTags
              .map((t) => translate(`app.resident_tag.${t}`))
              .join(translate('app.services.or')),
          }),
        ]
      : []),
  ];
  return (
    <Alert severity="info" sx={{ my: 1, maxWidth: '40rem' }}>
      {translate('app.services.who_may_apply')}：
      {[item.eligibility, checked.join('；')].filter(Boolean).join(' · ') || translate('app.services.anyone')}
    </Alert>
  );
};

/** The show page's who-may-apply line, from the record. */
export const WhoMayApplyField = (_props: { label?: string }) => (
  <WhoMayApply item={useRecordContext<Eligibility>()} />
);
