// Enums of the API's schema that @qiangji/domain does not (yet) list; the label tables in
// i18n/label-messages.ts are typed by these unions, so a value added here without a label fails to compile.

/** `DisputeCase.deadlineStatus`: AT_RISK in the last quarter of the stage's time, OVERDUE past `dueAt`. */
export const DEADLINE_STATUSES = ['ON_TIME', 'AT_RISK', 'OVERDUE'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** `DisputeParty.role`. */
export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'OTHER'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
