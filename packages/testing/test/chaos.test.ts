import { describe, expect, it } from "vitest";
import { chaosSeeds, seededRandom } from "../src/index.js";

describe("seededRandom", () => {
  it("replays the same sequence from the same seed, and another from another", () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it("draws whole numbers, chances and picks within range", () => {
    const random = seededRandom(7);
    const ints = Array.from({ length: 500 }, () => random.int(6));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(Array.from({ length: 100 }, () => random.chance(0))).not.toContain(true);
    expect(Array.from({ length: 100 }, () => random.pick(["a", "b"]))).toEqual(expect.arrayContaining(["a", "b"]));
  });
});

describe("chaosSeeds", () => {
  it("runs the test's fixed seeds, replays those named in CHAOS_SEED, explores CHAOS_SEEDS fresh ones", () => {
    expect(chaosSeeds([7, 8, 9], { CHAOS_SEED: "12, 34" })).toEqual([12, 34]);
    expect(chaosSeeds([7, 8, 9], {})).toEqual([7, 8, 9]);
    expect(chaosSeeds([7, 8, 9], { CHAOS_SEEDS: "many" })).toEqual([7, 8, 9]);
    const fresh = chaosSeeds([7, 8, 9], { CHAOS_SEEDS: "5" });
    expect(fresh).toHaveLength(5);
    expect(fresh.every(Number.isInteger)).toBe(true);
  });
});
