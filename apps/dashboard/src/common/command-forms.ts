import { camelCase } from '@qiangji/domain';
import type { ComponentType } from 'react';

export type FormValues = Record<string, unknown>;

/** A record a domain command acts on: its id, and the version it was read at (a stale one is a CONFLICT). */
export interface VersionedRecord {
  id: string;
  version: number;
}

/** How the dashboard takes one step of a domain machine (`DISPUTE_CASE_MACHINE`, `PETITION_CASE_MACHINE`). */
export interface CommandForm<R, M extends string> {
  /** The resource's mutation, by its GraphQL field, that takes the step. */
  mutation: M;
  /** The dialog's values → the mutation's input, without the `id` and `expectedVersion` every step carries. */
  input(values: FormValues, record: R): FormValues;
  /** The dialog's inputs; absent: the dialog only asks to confirm. */
  Fields?: ComponentType<{ record: R }>;
  /** What the form opens with (today's date, say); read when the dialog opens. */
  defaults?(): FormValues;
  /** A step that turns the work away (不予受理, 撤回): drawn outlined, so the usual next step stands out. */
  turnsAway?: boolean;
  /**
   * The message key for the API's BAD_USER_INPUT on `field`, when the dialog can say better than the generic
   * translation why the step was refused (the mediator it already has); undefined: the generic one.
   */
  refusal?(field: string, values: FormValues, record: R): string | undefined;
}

/**
 * One form per command of a machine, keyed by the domain's command names: a command added to the machine fails
 * the type check until it has its form, and no second set of names (enum spellings, API verbs) is written out.
 */
export type CommandForms<C extends string, R, M extends string> = { readonly [K in C]: CommandForm<R, M> };

/** The data provider's call for one step: the mutation and its input, with the record's id and version. */
export function commandCall<C extends string, R extends VersionedRecord, M extends string>(
  forms: CommandForms<C, R, M>,
  command: C,
  values: FormValues,
  record: NoInfer<R>,
): { mutation: M; input: FormValues } {
  const form = forms[command];
  return {
    mutation: form.mutation,
    input: { id: record.id, expectedVersion: record.version, ...form.input(values, record) },
  };
}

/**
 * The API's `availableCommands` (GraphQL enum names, CONCLUDE_WITH_AGREEMENT) as a machine's commands; one this
 * dashboard does not know yet (a newer API) is left out rather than shown as a button that cannot work.
 */
export function availableCommands<C extends string>(
  machine: { commands: readonly C[] },
  record: { availableCommands?: string[] },
): C[] {
  const known = new Set<string>(machine.commands);
  return (record.availableCommands ?? []).map(camelCase).filter((c): c is C => known.has(c));
}
