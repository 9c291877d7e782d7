/** A seeded source of randomness, so a chaos run can be replayed from its seed. */
export interface SeededRandom {
  /** The seed it was made from. */
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [0, below). */
  int(below: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast and good enough to drive a simulation. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { seed, next, int, chance: (p) => next() < p, pick: (items) => items[int(items.length)] as never };
}

/**
 * The seeds a chaos test runs: by default its own fixed `seeds` (the same schedules on every run,
 * so a red CI names a change, not a draw); `CHAOS_SEED=1,2` replays those; `CHAOS_SEEDS=200` runs
 * that many fresh random seeds to explore new schedules. The test prints each seed it runs.
 */
export function chaosSeeds(seeds: readonly number[], env: Record<string, string | undefined> = process.env): number[] {
  const fixed = env.CHAOS_SEED?.split(",").map((text) => Number(text.trim())).filter(Number.isInteger);
  if (fixed && fixed.length > 0) return fixed;
  const wanted = Number(env.CHAOS_SEEDS);
  if (!Number.isInteger(wanted) || wanted <= 0) return [...seeds];
  return Array.from({ length: wanted }, () => Math.floor(Math.random() * 2 ** 31));
}
