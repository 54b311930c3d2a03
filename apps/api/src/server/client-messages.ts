import { GraphQLError } from 'graphql';

/** graphql-js's own message when `maxCoercionErrors` is reached; it carries no code of its own. */
export const COERCION_LIMIT_MESSAGE =
  'Too many errors processing variables, error limit reached. Execution aborted.';

const VARIABLE_VALUE = /^Variable "\$(\w+)" got invalid value /;
const LITERAL_VALUE = /^(Expected value of type "[^"]+"), found .*$/s;

/**
 * graphql-js writes the client's input into its messages: a variable's whole value (`got invalid value
 * { … }`, 40 MB for 75,000 keys), a literal (`found "…"`), a scalar's value after a colon. The client sent
 * it and needs only where the problem is, and an echo is a way to make the server amplify or reflect data.
 * So: the variable and the reason without the value, long quoted names cut, no suggestions unless allowed,
 * and no long digit runs (ID numbers, phones) whatever the message.
 */
export function withoutInput(message: string, error: unknown, suggestions: boolean): string {
  const variable = VARIABLE_VALUE.exec(message);
  let text = message;
  if (variable) {
    const inner = error instanceof GraphQLError ? error.originalError?.message : undefined;
    // graphql-js appends ` at "c.path"` to the value when the problem is inside it, then `; ` and the reason.
    const prefix = inner && message.endsWith(`; ${inner}`) ? message.slice(0, -inner.length - 2) : '';
    const at = / at "([\w.[\]]+)"$/.exec(prefix)?.[1];
    const reason = inner ? `: ${inner.replace(/: .*$/s, '.')}` : '.';
    text = `Variable "$${variable[1]}" got an invalid value${at ? ` at "${at}"` : ''}${reason}`;
  } else {
    text = message.replace(LITERAL_VALUE, '$1.');
  }
  if (!suggestions) text = text.replace(/ Did you mean .*$/s, '');
  return text
    .replace(/"([^"]{40})[^"]+"/g, '"$1…"')
    .replace(/\d{7,}/g, (digits) => '#'.repeat(digits.length))
    .slice(0, 300);
}
