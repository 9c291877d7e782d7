import { describe, expect, it, vi } from "vitest";
import { cursorPages, offsetPages, type OffsetState, type PageData, SdkError, toPageData, ValidationError } from "../src/index.js";

interface Device {
  id: string;
}

const devices = (from: number, count: number): Device[] => Array.from({ length: count }, (_, i) => ({ id: `dev_${from + i}` }));

/** Serves a fixed collection by offset, like OpenApp's `{items, total}` lists. */
function offsetServer(totalItems: number, options: { reportTotal?: boolean } = {}) {
  const all = devices(0, totalItems);
  const load = vi.fn(async ({ offset, limit }: OffsetState): Promise<PageData<Device>> => {
    const items = all.slice(offset, offset + limit);
    return options.reportTotal === false ? { items } : { items, total: totalItems };
  });
  return load;
}

describe("offsetPages", () => {
  it("awaits to the first page with items, total and navigation", async () => {
    const load = offsetServer(5);
    const page = await offsetPages({ limit: 2, load });
    expect(page.items.map((d) => d.id)).toEqual(["dev_0", "dev_1"]);
    expect(page.total).toBe(5);
    expect(page.hasNextPage()).toBe(true);
    const second = await page.getNextPage();
    expect(second.items.map((d) => d.id)).toEqual(["dev_2", "dev_3"]);
    expect(load).toHaveBeenLastCalledWith({ offset: 2, limit: 2 });
  });

  it("iterates every item across pages and stops at total without an extra request", async () => {
    const load = offsetServer(4);
    const ids: string[] = [];
    for await (const device of offsetPages({ limit: 2, load })) ids.push(device.id);
    expect(ids).toEqual(["dev_0", "dev_1", "dev_2", "dev_3"]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("stops on a short page when the API gives no total (bare arrays)", async () => {
    const load = offsetServer(5, { reportTotal: false });
    expect(await offsetPages({ limit: 2, load }).toArray()).toHaveLength(5);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("stops on an empty page", async () => {
    const load = offsetServer(4, { reportTotal: false });
    expect(await offsetPages({ limit: 2, load }).toArray()).toHaveLength(4);
    expect(load).toHaveBeenCalledTimes(3);
    expect(load).toHaveBeenLastCalledWith({ offset: 4, limit: 2 });
  });

  it("stops at total even when the server ignores the offset", async () => {
    const load = vi.fn(async (): Promise<PageData<Device>> => ({ items: devices(0, 2), total: 4 }));
    expect(await offsetPages({ limit: 2, load }).toArray()).toHaveLength(4);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("collects with a cap and does not fetch pages it does not need", async () => {
    const load = offsetServer(100);
    const items = await offsetPages({ limit: 10, load }).toArray({ max: 15 });
    expect(items).toHaveLength(15);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("starts at the requested offset", async () => {
    const load = offsetServer(10);
    const page = await offsetPages({ limit: 3, offset: 6, load });
    expect(page.items.map((d) => d.id)).toEqual(["dev_6", "dev_7", "dev_8"]);
  });

  it("sends nothing until the result is used, then only once", async () => {
    const load = offsetServer(3);
    const pages = offsetPages({ limit: 5, load });
    expect(load).not.toHaveBeenCalled();
    await pages;
    await pages;
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("throws on getNextPage past the end and on bad limits", async () => {
    const page = await offsetPages({ limit: 5, load: offsetServer(3) });
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toBeInstanceOf(SdkError);
    expect(() => offsetPages({ limit: 0, load: offsetServer(1) })).toThrow(ValidationError);
  });

  it("propagates loader errors through await and iteration", async () => {
    const failing = offsetPages<Device>({ limit: 2, load: () => Promise.reject(new Error("boom")) });
    await expect(failing).rejects.toThrow("boom");
    await expect(failing.toArray()).rejects.toThrow("boom");
  });
});

describe("cursorPages", () => {
  it("follows cursors until none is returned", async () => {
    const pages: Record<string, PageData<Device>> = {
      start: { items: devices(0, 2), nextCursor: "c2" },
      c2: { items: devices(2, 2), nextCursor: null },
    };
    const load = vi.fn(async (cursor: string | undefined) => pages[cursor ?? "start"]!);
    expect((await cursorPages({ load }).toArray()).map((d) => d.id)).toEqual(["dev_0", "dev_1", "dev_2", "dev_3"]);
    expect(load.mock.calls).toEqual([[undefined], ["c2"]]);
  });

  it("stops when a cursor repeats instead of looping forever", async () => {
    const load = vi.fn(async (cursor: string | undefined) => ({ items: devices(0, 1), nextCursor: cursor === "a" ? "b" : "a" }));
    expect(await cursorPages({ load }).toArray()).toHaveLength(3);
    expect(load.mock.calls).toEqual([[undefined], ["a"], ["b"]]);
  });

  it("stops on an empty page even if a cursor is offered", async () => {
    const load = vi.fn(async () => ({ items: [] as Device[], nextCursor: "more" }));
    const page = await cursorPages({ load });
    expect(page.hasNextPage()).toBe(false);
  });
});

describe("toPageData", () => {
  it("accepts both {items, total} and bare arrays", () => {
    expect(toPageData({ items: [1, 2], total: 9 })).toEqual({ items: [1, 2], total: 9 });
    expect(toPageData([1])).toEqual({ items: [1] });
    expect(() => toPageData(null)).toThrow(ValidationError);
  });
});
