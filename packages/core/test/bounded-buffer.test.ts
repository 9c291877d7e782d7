import { describe, expect, it } from "vitest";
import { BoundedBuffer } from "../src/index.js";

describe("BoundedBuffer", () => {
  it("keeps the newest items up to its cap, oldest first", () => {
    const behind: number[] = [];
    const buffer = new BoundedBuffer<number>(3, (max) => behind.push(max));
    for (let i = 1; i <= 7; i++) buffer.push(i);
    expect(buffer.length).toBe(3);
    expect(buffer.dropped).toBe(4);
    expect([buffer.shift(), buffer.shift(), buffer.shift(), buffer.shift()]).toEqual([5, 6, 7, undefined]);
    expect(behind).toEqual([3]);
  });

  it("reports falling behind once per episode: again only after the consumer caught up", () => {
    let episodes = 0;
    const buffer = new BoundedBuffer<string>(2, () => episodes++);
    for (const item of ["a", "b", "c", "d"]) buffer.push(item);
    buffer.shift();
    for (const item of ["e", "f"]) buffer.push(item);
    expect(episodes).toBe(1);
    while (buffer.length > 0) buffer.shift();
    for (const item of ["g", "h"]) buffer.push(item);
    expect(episodes).toBe(1);
    buffer.push("i");
    expect(episodes).toBe(2);
    buffer.clear();
    expect(buffer.length).toBe(0);
    for (const item of ["j", "k", "l"]) buffer.push(item);
    expect(episodes).toBe(3);
  });
});
