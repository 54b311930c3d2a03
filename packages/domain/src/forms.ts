// `@qiangji/domain/forms`: the checks of service items' forms, with zod. An entry of its own, so that callers who
// need only the rest of the domain (the dashboard's first chunk) do not load zod.

export { parseFormSchema, answersSchema, formAnswerIssues, validateFormAnswers } from './form-schema';
export type { FormField, FormSchema, FormAnswer, FormAnswers, FormIssue } from './form-schema';
