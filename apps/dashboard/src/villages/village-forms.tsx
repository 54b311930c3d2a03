import {
  chinaDay,
  DomainValidationError,
  validateVillageIndicators,
  VILLAGE_INDICATOR_FIELDS,
  type VillageIndicators,
} from '@qiangji/domain';
import type { ComponentType } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import type { FormValues } from '../common/command-forms';
import { CountInput } from '../common/form-inputs';
import { newIdempotencyKey } from '../common/idempotency-key';
import { POSTING_ROLE_CHOICES, VILLAGE_ORGANIZATION_KIND_CHOICES } from '../common/choices';
import { optionalText, trimmed } from '../write-input';
import type { VillageWrite } from './village-writes';

/** What a form on the village page knows of the page: the village, and the rows its buttons sit on. */
export interface VillageContext {
  village: string;
  /** Ended postings of the village, which a new one may take over. */
  endedPostings: { id: string; cadreName: string }[];
  organizations: { id: string; name: string }[];
  /** The years of the village's profile: a second entry of one would be a CONFLICT. */
  recordedYears: number[];
}
export interface PostingContext extends VillageContext {
  posting: { id: string; version: number };
}

/** One write of the village page: its mutation, its dialog's inputs, and the dialog's values → the input. */
export interface VillageForm<P extends VillageContext = VillageContext> {
  mutation: VillageWrite;
  /** The button's and the dialog's title, a key under app.villages.form. */
  label: string;
  Fields: ComponentType<P>;
  input(values: FormValues, page: P): FormValues;
  defaults?(page: P): FormValues;
  validate?(values: FormValues, page: P): Record<string, string>;
}

const label = (field: string) => `app.villages.form.${field}`;
const Day = ({ source, optional }: { source: string; optional?: boolean }) => (
  <DateInput source={source} label={label(source)} validate={optional ? undefined : required()} />
);
const Text = ({ source, optional }: { source: string; optional?: boolean }) => (
  <TextInput
    source={source}
    label={label(source)}
    validate={optional ? undefined : required()}
    multiline
    fullWidth
  />
);
const Pick = ({ source, reference }: { source: string; reference: string }) => (
  <ReferenceInput source={source} reference={reference}>
    <AutocompleteInput
      label={label(source)}
      optionText="name"
      filterToQuery={(q: string) => ({ q })}
      validate={required()}
      fullWidth
    />
  </ReferenceInput>
);
const today = () => ({ on: chinaDay() });
const day = (v: unknown) => String(v);

export const PAIRING_FORM: VillageForm = {
  mutation: 'createPairing',
  label: 'pairing',
  Fields: () => (
    <>
      <Pick source="workUnitId" reference="workUnits" />
      <Day source="startsOn" />
      <Day source="endsOn" optional />
      <Text source="goals" optional />
    </>
  ),
  defaults: () => ({ startsOn: today().on, idempotencyKey: newIdempotencyKey() }),
  input: (v, page) => ({
    villageCode: page.village,
    workUnitId: String(v.workUnitId),
    startsOn: day(v.startsOn),
    ...(v.endsOn ? { endsOn: day(v.endsOn) } : {}),
    goals: trimmed(v.goals),
    idempotencyKey: String(v.idempotencyKey),
  }),
};

export const START_POSTING_FORM: VillageForm = {
  mutation: 'startPosting',
  label: 'start_posting',
  Fields: ({ endedPostings }) => (
    <>
      <Pick source="cadreId" reference="stationedCadres" />
      <SelectInput source="role" label={label('role')} choices={POSTING_ROLE_CHOICES} validate={required()} />
      <Day source="startsOn" />
      {endedPostings.length > 0 && (
        <SelectInput
          source="previousPostingId"
          label={label('previousPostingId')}
          choices={endedPostings}
          optionText="cadreName"
        />
      )}
    </>
  ),
  defaults: () => ({ role: 'TEAM_MEMBER', startsOn: today().on }),
  input: (v, page) => ({
    villageCode: page.village,
    cadreId: String(v.cadreId),
    role: String(v.role),
    startsOn: day(v.startsOn),
    ...optionalText('previousPostingId', v.previousPostingId),
  }),
};

/** 交接: the posting ends, and the note is what the next cadre reads first. */
export const END_POSTING_FORM: VillageForm<PostingContext> = {
  mutation: 'endPosting',
  label: 'end_posting',
  Fields: () => (
    <>
      <Day source="endsOn" />
      <Text source="handoverNote" />
    </>
  ),
  defaults: () => ({ endsOn: today().on }),
  input: (v, page) => ({
    id: page.posting.id,
    expectedVersion: page.posting.version,
    endsOn: day(v.endsOn),
    handoverNote: trimmed(v.handoverNote),
  }),
};

// The domain's rule broken (its field) → the message saying so under that input.
const INDICATOR_RULES: Partial<Record<keyof VillageIndicators, string>> = {
  year: 'rule_year',
  cultivatedLandMu: 'rule_land',
  households: 'rule_households',
  poorHouseholds: 'rule_part',
  householdsInOrganizations: 'rule_part',
};
const indicatorsOf = (v: FormValues) =>
  Object.fromEntries(VILLAGE_INDICATOR_FIELDS.map((f) => [f, Number(v[f])])) as unknown as VillageIndicators;

export const INDICATORS_FORM: VillageForm = {
  mutation: 'recordVillageIndicators',
  label: 'indicators',
  Fields: () => (
    <>
      {VILLAGE_INDICATOR_FIELDS.map((f) =>
        f === 'cultivatedLandMu' ? (
          <NumberInput
            key={f}
            source={f}
            label={`app.villages.indicator.${f}`}
            min={0}
            validate={required()}
          />
        ) : (
          <CountInput key={f} source={f} label={`app.villages.indicator.${f}`} />
        ),
      )}
    </>
  ),
  defaults: () => ({ year: Number(chinaDay().slice(0, 4)) - 1 }),
  // Empty inputs are their own `required` message; the domain judges the figures once all are there.
  validate: (v, page) => {
    if (page.recordedYears.includes(Number(v.year))) return { year: label('rule_recorded') };
    if (VILLAGE_INDICATOR_FIELDS.some((f) => v[f] == null || v[f] === '')) return {};
    try {
      validateVillageIndicators(indicatorsOf(v));
      return {};
    } catch (e) {
      if (!(e instanceof DomainValidationError) || !e.field) throw e;
      return { [e.field]: label(INDICATOR_RULES[e.field as keyof VillageIndicators] ?? 'rule_whole') };
    }
  },
  input: (v, page) => ({ villageCode: page.village, ...indicatorsOf(v) }),
};

export const ORGANIZATION_FORM: VillageForm = {
  mutation: 'createVillageOrganization',
  label: 'organization',
  Fields: () => (
    <>
      <SelectInput
        source="kind"
        label={label('kind')}
        choices={VILLAGE_ORGANIZATION_KIND_CHOICES}
        validate={required()}
      />
      <Text source="name" />
      <Day source="foundedOn" />
    </>
  ),
  input: (v, page) => ({
    villageCode: page.village,
    kind: String(v.kind),
    name: trimmed(v.name),
    foundedOn: day(v.foundedOn),
  }),
};

/** 入社入会: households of the village join one of its organisations on a day. */
export const MEMBERS_FORM: VillageForm = {
  mutation: 'addVillageOrganizationMembers',
  label: 'members',
  Fields: ({ village, organizations }) => (
    <>
      <SelectInput
        source="organizationId"
        label={label('organizationId')}
        choices={organizations}
        validate={required()}
      />
      <ReferenceArrayInput source="householdIds" reference="households" filter={{ regionCode: village }}>
        <AutocompleteArrayInput
          label={label('householdIds')}
          optionText="address"
          filterToQuery={(addressContains: string) => ({ addressContains })}
          validate={required()}
          fullWidth
        />
      </ReferenceArrayInput>
      <Day source="joinedOn" />
    </>
  ),
  defaults: () => ({ joinedOn: today().on, householdIds: [] }),
  input: (v) => ({
    organizationId: String(v.organizationId),
    householdIds: (v.householdIds as string[]).map(String),
    joinedOn: day(v.joinedOn),
  }),
};
