import { Datagrid, TextField, useTranslate } from 'react-admin';
import { DayField } from '../common/DateTimeField';
import { useDates } from '../common/use-dates';
import { RegionLink } from '../common/RegionLink';
import { CategoryField, PlaceList } from './catalogue-fields';

interface PolicyRow {
  title: string;
  category: string;
  issuingBody: string;
  effectiveFrom: string;
}

/** 政策公开: the public list of a place (published for it or above it), newest in force first. */
export const PolicyList = () => {
  const translate = useTranslate();
  const dates = useDates();
  return (
    <PlaceList
      place="publishedFor"
      phone={{
        primaryText: (p: PolicyRow) => p.title,
        secondaryText: (p: PolicyRow) =>
          `${translate(`app.service_category.${p.category}`)} · ${p.issuingBody} · ${dates.day(p.effectiveFrom)}`,
      }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sortable={false} />
        <CategoryField label="resources.policies.fields.category" />
        <TextField source="issuingBody" sortable={false} />
        <DayField source="effectiveFrom" sortable={false} />
        <RegionLink label="resources.policies.fields.region" sortable={false} />
      </Datagrid>
    </PlaceList>
  );
};
