import type { FormFieldType, ResidentTag, ServiceCategory, ServicePoint } from '@qiangji/domain';
import { DateResolver } from 'graphql-scalars';
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { FilteredPageArgs } from '../../common/graphql-types';
import { RecordedRow, VersionedRow } from '../../common/versioned';
import { ResidentTagEnum } from '../resident/resident.types';
import { FormFieldTypeEnum, ServiceCategoryEnum, ServicePointEnum } from './service.enums';

@ObjectType({ description: 'A material the applicant brings or uploads (the checklist).' })
export class ServiceMaterial {
  @Field()
  name: string;

  @Field()
  required: boolean;
}

/** A form field's label and type, as defined and as read back. */
@ObjectType()
@InputType('FormFieldKindInput')
abstract class FormFieldKind {
  @Field()
  label: string;

  @Field(() => FormFieldTypeEnum)
  type: FormFieldType;

  @Field()
  required: boolean;
}

/** What an item is and where it is handled, as defined and as read back. */
function ServiceItemKind<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class ServiceItemKindFields extends Base {
    @Field()
    name: string;

    @Field(() => ServiceCategoryEnum)
    category: ServiceCategory;

    @Field(() => ServicePointEnum)
    servicePoint: ServicePoint;
  }
  return ServiceItemKindFields;
}

@ObjectType({
  description:
    'A field of an item’s form. The same schema is checked by @qiangji/domain’s validateFormAnswers in the API and the dashboard.',
})
export class ServiceFormField extends FormFieldKind {
  @Field({ description: 'The answer’s key in `answers`.' })
  key: string;

  @Field(() => Int, { nullable: true, description: 'TEXT: at most this many characters (default 500).' })
  maxLength?: number | null;

  @Field(() => Float, { nullable: true, description: 'NUMBER: the least value.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'NUMBER: the greatest value.' })
  max?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'NUMBER: whole numbers only.' })
  integer?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'CHOICE: the values allowed.' })
  options?: string[] | null;
}

@ObjectType({
  description:
    'A service item (服务事项) of the catalogue, as Open311’s service definition: who may apply, the materials, the typed form, where and how fast it is handled.',
})
export class ServiceItem extends ServiceItemKind(VersionedRow) {
  @Field({ description: 'City-wide code, e.g. LZ-SENIOR-CARD.' })
  code: string;

  @Field(() => [ResidentTagEnum], {
    description: 'Residents with any of these tags may apply; none: everyone.',
  })
  eligibleTags: ResidentTag[];

  @Field(() => Int, {
    nullable: true,
    description: 'The least age on the day of submission, from the registry’s birth date; null: any age.',
  })
  minAge: number | null;

  @Field({ description: 'Conditions in words (age, residence).' })
  eligibility: string;

  @Field(() => [ServiceMaterial])
  materials: ServiceMaterial[];

  @Field(() => [ServiceFormField])
  formFields: ServiceFormField[];

  @Field({
    description:
      'Whether the applicant comes to the service point by appointment (a card is issued in person).',
  })
  onSite: boolean;

  @Field(() => Int, { description: 'The promised time limit, in working days from submission.' })
  timeLimitDays: number;

  @Field({ description: 'The region that defined the item.' })
  regionCode: string;

  policyId: string | null;
}

@ObjectType()
export class ServiceItemConnection extends ConnectionType(ServiceItem) {}

@InputType()
export class ServiceItemFilter {
  @Field(() => String, {
    nullable: true,
    description: 'The catalogue of a place: items offered at this region or at a region above it.',
  })
  offeredAt?: string | null;

  @Field(() => [ServiceCategoryEnum], { nullable: true })
  category?: ServiceCategory[] | null;

  @Field(() => [ServicePointEnum], { nullable: true })
  servicePoint?: ServicePoint[] | null;

  @Field(() => ID, { nullable: true, description: 'The items that rest on this policy.' })
  policyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Text in the code or name.' })
  q?: string | null;
}

@ArgsType()
export class ServiceItemsArgs extends FilteredPageArgs(ServiceItemFilter) {}

@InputType()
export class ServiceMaterialInput {
  @Field()
  name: string;

  @Field()
  required: boolean;
}

@InputType()
export class ServiceFormFieldInput extends FormFieldKind {
  @Field()
  key: string;

  @Field(() => Int, { nullable: true })
  maxLength?: number | null;

  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;

  @Field(() => Boolean, { nullable: true })
  integer?: boolean | null;

  @Field(() => [String], { nullable: true })
  options?: string[] | null;
}

@InputType()
export class CreateServiceItemInput extends ServiceItemKind(Object) {
  @Field()
  code: string;

  @Field(() => [ResidentTagEnum], { defaultValue: [], description: 'Residents with any of them may apply.' })
  eligibleTags: ResidentTag[];

  @Field(() => Int, { nullable: true, description: 'The least age (1 to 120) on the day of submission.' })
  minAge?: number | null;

  @Field({ defaultValue: '' })
  eligibility: string;

  @Field(() => [ServiceMaterialInput], { defaultValue: [] })
  materials: ServiceMaterialInput[];

  @Field(() => [ServiceFormFieldInput], { defaultValue: [] })
  formFields: ServiceFormFieldInput[];

  @Field()
  onSite: boolean;

  @Field(() => Int)
  timeLimitDays: number;

  @Field(() => ID, { nullable: true })
  policyId?: string | null;

  @Field({ description: 'The region defining it, in your jurisdiction; offer it with offerServiceItem.' })
  regionCode: string;
}

@InputType({
  description: 'Offers an item at regions of your jurisdiction, for the people of their subtrees.',
})
export class OfferServiceItemInput {
  @Field(() => ID)
  itemId: string;

  @Field(() => [String])
  regionCodes: string[];
}

/** What a policy says and who issued it, as published and as read back. */
function PolicyText<T extends ClassType>(Base: T) {
  @ObjectType()
  @InputType()
  abstract class PolicyTextFields extends Base {
    @Field()
    title: string;

    @Field({ description: 'Markdown; raw HTML is shown as text, links only to http(s) and mailto.' })
    body: string;

    @Field(() => ServiceCategoryEnum)
    category: ServiceCategory;

    @Field()
    issuingBody: string;
  }
  return PolicyTextFields;
}

@ObjectType({
  description:
    'A disclosed policy (政策公开) with its procedure; the body is Markdown, also given as safe HTML.',
})
export class Policy extends PolicyText(RecordedRow) {
  @Field(() => DateResolver)
  effectiveFrom: string;

  @Field(() => DateResolver, { nullable: true })
  effectiveTo: string | null;

  @Field({ description: 'The region it is published for (and the places below it).' })
  regionCode: string;
}

@ObjectType()
export class PolicyConnection extends ConnectionType(Policy) {}

@InputType()
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Published in the whole subtree of this region.' })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The public list of a place: published for this region or a region above it.',
  })
  publishedFor?: string | null;

  @Field(() => [ServiceCategoryEnum], { nullable: true })
  category?: ServiceCategory[] | null;

  @Field(() => DateResolver, { nullable: true, description: 'In force on this day.' })
  inForceOn?: Date | null;

  @Field(() => String, { nullable: true, description: 'Text in the title or issuing body.' })
  q?: string | null;
}

@ArgsType()
export class PoliciesArgs extends FilteredPageArgs(PolicyFilter) {}

@InputType()
export class PublishPolicyInput extends PolicyText(Object) {
  @Field(() => DateResolver)
  effectiveFrom: Date;

  @Field(() => DateResolver, { nullable: true })
  effectiveTo?: Date | null;

  @Field({ description: 'In your jurisdiction.' })
  regionCode: string;
}
