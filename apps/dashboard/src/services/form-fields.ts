import type { FormSchema } from '@qiangji/domain';
import { formAnswerIssues, parseFormSchema } from '@qiangji/domain/forms';

/** An item's `formFields` as the API returns them (absent options as null), checked into the domain's schema. */
export function formSchemaOf(fields: readonly Record<string, unknown>[] | undefined): FormSchema {
  return parseFormSchema({
    fields: (fields ?? []).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v != null))),
  });
}

/** Empty inputs are no answer, as the API reads them (validateFormAnswers drops them too). */
export function givenAnswers(answers: unknown): Record<string, unknown> {
  if (!answers || typeof answers !== 'object') return {};
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  );
}

/**
 * The validator of one answer's input: the domain's own check of all the answers (the API runs the same one),
 * and the problem it finds with this answer, if any.
 */
export function answerValidator(form: FormSchema, key: string) {
  return (_value: unknown, values: { answers?: unknown }) =>
    formAnswerIssues(form, givenAnswers(values?.answers)).find((i) => i.field === `answers.${key}`)?.message;
}
