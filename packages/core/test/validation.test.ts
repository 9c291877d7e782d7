import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError, validateWith } from "../src/index.js";

const Device = z.object({ id: z.string(), name: z.object({ value: z.record(z.string(), z.string()) }), stale: z.boolean().optional() });

describe("validateWith", () => {
  it("returns the parsed value for valid data", () => {
    const device = { id: "dev_1", name: { value: { en: "Lobby" } } };
    expect(validateWith(Device, device)).toEqual(device);
  });

  it("throws a ValidationError naming the failing paths", () => {
    const error = (() => {
      try {
        validateWith(Device, { id: 7, name: { value: { en: 3 } } }, "GET /devices/{id} response");
      } catch (caught) {
        return caught as ValidationError;
      }
      throw new Error("expected a ValidationError");
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^GET \/devices\/\{id\} response failed validation: id: /);
    expect(error.message).toContain("name.value.en:");
    expect(error.issues.map((issue) => issue.path)).toEqual([["id"], ["name", "value", "en"]]);
  });
});
