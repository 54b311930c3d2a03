import type { Role } from './permissions';

/**
 * A state machine as one typed table, in the style of Vendure's `Transitions<State>`: per command, the states it
 * may start from, the state it leads to and the roles that may take it. The API enforces it, the dashboard shows
 * the buttons it allows, the demo seed plays lives through it, and outside systems read the same table.
 */

export type Labels<T extends string> = Readonly<Record<T, { zh: string; en: string }>>;

/** Which states may follow each state. */
export type Transitions<S extends string> = { readonly [K in S]: { readonly to: readonly S[] } };

export interface CommandRule<S extends string> {
  readonly from: readonly S[];
  /** `null`: the state stays (an escalation moves a case up a tier, not along its life). */
  readonly to: S | null;
  readonly roles: readonly Role[];
  /**
   * The command records an occurrence (a mediation session, a follow-up visit): taking it again is new
   * information. Any other command that would leave the state and every field as they are is refused.
   */
  readonly repeatable?: boolean;
  readonly label: { readonly zh: string; readonly en: string };
}

/**
 * A rule in one line, for a table whose commands share their roles:
 * `const handler = ruleFor<GridEventState>(HANDLERS)`, then `file: handler(['REPORTED'], 'FILED', '立案', 'File')`.
 */
export function ruleFor<S extends string>(roles: readonly Role[], more: { repeatable?: true } = {}) {
  return (from: readonly S[], to: S | null, zh: string, en: string): CommandRule<S> => ({
    from,
    to,
    roles,
    ...more,
    label: { zh, en },
  });
}

export type TransitionCheck<S extends string> =
  { ok: true; to: S } | { ok: false; reason: 'INVALID_TRANSITION' | 'FORBIDDEN'; from: S; to: S | null };

/**
 * `Details` maps each command to the shape of what it records on the object's timeline (a session's date and
 * place, a decline's reason): the API's typed timeline and the seed's events follow it.
 */
export interface Machine<S extends string, Details extends { [K in keyof Details]: object }> {
  readonly states: readonly S[];
  readonly commands: readonly (keyof Details & string)[];
  readonly rules: { readonly [C in keyof Details & string]: CommandRule<S> };
  /** Derived from the rules: every state each state may lead to. */
  readonly graph: Transitions<S>;
  /** Whether these roles may take the command at all, in any state. */
  allows(command: keyof Details & string, roles: readonly Role[]): boolean;
  /** Whether the command may run now, from this state, for these roles (state checked first). */
  check(state: S, command: keyof Details & string, roles: readonly Role[]): TransitionCheck<S>;
  /** The commands these roles may take from this state, in the table's order: the dashboard's buttons. */
  available(state: S, roles: readonly Role[]): (keyof Details & string)[];
  labels(): Labels<keyof Details & string>;
}

export function defineMachine<
  S extends string,
  Details extends { [K in keyof Details]: object },
>(definition: {
  states: readonly S[];
  commands: { readonly [C in keyof Details & string]: CommandRule<S> };
}): Machine<S, Details> {
  type C = keyof Details & string;
  const rules = Object.freeze(definition.commands);
  const commands = Object.keys(rules) as C[];
  const graph = Object.fromEntries(
    definition.states.map((state) => [
      state,
      {
        to: [
          ...new Set(
            commands.flatMap((c) => (rules[c].from.includes(state) && rules[c].to ? [rules[c].to] : [])),
          ),
        ],
      },
    ]),
  ) as unknown as Transitions<S>;
  const allows = (command: C, roles: readonly Role[]) => roles.some((r) => rules[command].roles.includes(r));
  const check = (state: S, command: C, roles: readonly Role[]): TransitionCheck<S> => {
    const rule = rules[command];
    if (!rule.from.includes(state))
      return { ok: false, reason: 'INVALID_TRANSITION', from: state, to: rule.to };
    if (!allows(command, roles)) return { ok: false, reason: 'FORBIDDEN', from: state, to: rule.to };
    return { ok: true, to: rule.to ?? state };
  };
  return Object.freeze({
    states: definition.states,
    commands,
    rules,
    graph,
    allows,
    check,
    available: (state: S, roles: readonly Role[]) => commands.filter((c) => check(state, c, roles).ok),
    labels: () => Object.fromEntries(commands.map((c) => [c, rules[c].label])) as Labels<C>,
  });
}

/** A command's or field's name as a GraphQL enum value: `concludeWithAgreement` → `CONCLUDE_WITH_AGREEMENT`. */
export function constantCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** The inverse of `constantCase`: `CONCLUDE_WITH_AGREEMENT` → `concludeWithAgreement`. */
export function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
