import { z } from 'zod';
import { DomainValidationError } from './errors';

/**
 * A service item's form as a small typed schema (the fields of an Open311 service definition): the API checks
 * answers with it, the dashboard draws the form and checks it before sending, with the same functions here.
 */
const KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;

const common = {
  key: z.string().regex(KEY, 'a key is a camelCase word of up to 40 letters and digits'),
  label: z.string().trim().min(1).max(50),
  required: z.boolean(),
};

const fieldSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('TEXT'), maxLength: z.int().min(1).max(2000).optional() }),
  z.strictObject({
    ...common,
    type: z.literal('NUMBER'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.strictObject({ ...common, type: z.literal('DATE') }),
  z.strictObject({
    ...common,
    type: z.literal('CHOICE'),
    options: z
      .array(z.string().trim().min(1).max(50))
      .min(2)
      .max(30)
      .refine((o) => new Set(o).size === o.length, 'options must differ'),
  }),
  z.strictObject({ ...common, type: z.literal('YES_NO') }),
]);

const formSchemaSchema = z.strictObject({
  fields: z
    .array(fieldSchema)
    .max(40)
    .refine((f) => new Set(f.map((x) => x.key)).size === f.length, 'field keys must differ'),
});

export type FormField = z.infer<typeof fieldSchema>;
export type FormSchema = z.infer<typeof formSchemaSchema>;
export type FormAnswer = string | number | boolean;
export type FormAnswers = Record<string, FormAnswer>;

/** One problem with a form or its answers: the input field at fault (`answers.birthDate`) and why. */
export interface FormIssue {
  field: string;
  message: string;
}

function issuesOf(error: z.ZodError, prefix: string): FormIssue[] {
  return error.issues.map((issue) => {
    // An unknown answer is reported on its own key, not on the object holding it.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path.slice(0, 1);
    return { field: [prefix, ...path].join('.'), message: issue.message };
  });
}

/** An item's form schema, checked: every field well-formed, keys unique; else DomainValidationError on `formSchema.…`. */
export function parseFormSchema(value: unknown): FormSchema {
  const result = formSchemaSchema.safeParse(value);
  if (result.success) return result.data;
  const [first] = issuesOf(result.error, 'formSchema');
  throw new DomainValidationError(`The form schema is not valid: ${first.message}.`, first.field);
}

function answerType(field: FormField): z.ZodType {
  switch (field.type) {
    case 'TEXT':
      return z
        .string()
        .trim()
        .min(1, 'Give an answer.')
        .max(field.maxLength ?? 500);
    case 'NUMBER': {
      let n = field.integer ? z.int() : z.number();
      if (field.min != null) n = n.min(field.min);
      if (field.max != null) n = n.max(field.max);
      return n;
    }
    case 'DATE':
      return z.iso.date('A date is written YYYY-MM-DD.');
    case 'CHOICE':
      return z.enum(field.options as [string, ...string[]]);
    case 'YES_NO':
      return z.boolean();
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** The zod schema of a form's answers: strict (an unknown key is an error), optional fields may be absent. */
export function answersSchema(form: FormSchema): z.ZodType<FormAnswers> {
  return z.strictObject(
    Object.fromEntries(
      form.fields.map((f) => [f.key, f.required ? answerType(f) : answerType(f).optional()]),
    ),
  ) as unknown as z.ZodType<FormAnswers>;
}

/** Every problem with the answers, on its field (`answers.<key>`): what the dashboard shows beside each input. */
export function formAnswerIssues(form: FormSchema, answers: unknown): FormIssue[] {
  const result = answersSchema(form).safeParse(answers);
  return result.success ? [] : issuesOf(result.error, 'answers');
}

/**
 * The answers as the item's form allows them (text trimmed, empty optional answers dropped); a wrong type,
 * a missing required answer or an unknown field is DomainValidationError on that field.
 */
export function validateFormAnswers(form: FormSchema, answers: unknown): FormAnswers {
  const given =
    answers && typeof answers === 'object' && !Array.isArray(answers)
      ? Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null && v !== ''))
      : answers;
  const result = answersSchema(form).safeParse(given);
  if (result.success) return result.data;
  const [first] = issuesOf(result.error, 'answers');
  throw new DomainValidationError(`${first.field}: ${first.message}`, first.field);
}
