import { asRecord } from "@openapp/core";

/** A non-array JSON object, as wire lists are filtered before their items are typed. */
export function isWireObject(value: unknown): value is Record<string, unknown> {
  return asRecord(value) !== undefined;
}
