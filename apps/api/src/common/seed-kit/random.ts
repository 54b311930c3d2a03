/** Weights of the values of a union: `{ LAND: 30, DEBT: 11 }`. */
export type Weighted<T extends string> = Readonly<Partial<Record<T, number>>>;

export type SeededRandom = ReturnType<typeof seededRandom>;

/**
 * mulberry32: a small seeded generator, the same on every machine, for deterministic demo data. Every draw
 * below takes the same number of values from it, so a seed gives the same data whatever is drawn with it.
 */
export function seededRandom(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  /** A chooser by weight over many values (the places of a city by households): built once, one draw a call. */
  const chooser = <T>(entries: readonly (readonly [T, number])[]) => {
    const choose = cumulative(entries);
    return () => choose(next());
  };
  /** A value of a union by its weights; the chooser of each weights table is built once and kept. */
  const weighted = <T extends string>(weights: Weighted<T>): T => {
    let choose = choosers.get(weights);
    if (!choose) choosers.set(weights, (choose = cumulative(Object.entries(weights) as [T, number][])));
    return choose(next()) as T;
  };
  /** Fisher–Yates, in place. */
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { next, between, pick, chooser, weighted, shuffle };
}

const choosers = new WeakMap<object, (x: number) => unknown>();

/** Cumulative weights and a binary search: the value whose share of the total holds `x` (0 ≤ x < 1). */
function cumulative<T>(entries: readonly (readonly [T, number])[]): (x: number) => T {
  const sums: number[] = [];
  let total = 0;
  for (const [, w] of entries) sums.push((total += w));
  return (x) => {
    const target = x * total;
    let lo = 0;
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sums[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo][0];
  };
}

/** Version-4-shaped ids from a seeded generator: the same ids on every run, so rows can point at each other. */
export function seededUuids(seed: number): () => string {
  const { next } = seededRandom(seed);
  const word = () =>
    Math.floor(next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return () => {
    const [a, b, c, d] = [word(), word(), word(), word()];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[c.charCodeAt(0) % 4]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}
