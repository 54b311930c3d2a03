import type { Machine } from '@qiangji/domain';

/**
 * The shortest sequence of commands from `start` to `state`, found breadth-first in a machine's table (commands in
 * the table's order, so the path is always the same one).
 */
export function shortestPath<S extends string, D extends { [K in keyof D]: object }>(
  machine: Machine<S, D>,
  start: S,
  state: S,
): (keyof D & string)[] {
  type C = keyof D & string;
  const paths = new Map<S, C[]>([[start, []]]);
  const queue: S[] = [start];
  while (queue.length) {
    const from = queue.shift()!;
    for (const command of machine.commands) {
      const { from: froms, to } = machine.rules[command];
      if (!to || !froms.includes(from) || paths.has(to)) continue;
      paths.set(to, [...paths.get(from)!, command]);
      queue.push(to);
    }
  }
  const path = paths.get(state);
  if (!path) throw new Error(`No command path leads to ${state}.`);
  return path;
}
