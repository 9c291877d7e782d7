import { asRecord } from "@openapp/core";
import { isTransitionalState } from "./device.js";
import type { Device } from "./device.js";

/** One leaf of `state` or `configuration` that differs between two readings. */
export interface FieldChange {
  /** Dotted path from the device, e.g. `state.door.state` or `configuration.door.openTime`. */
  path: string;
  /** `undefined` when the field appeared. */
  oldValue: unknown;
  /** `undefined` when the field went away. */
  newValue: unknown;
}

/** One difference between two readings of the device list, by `type`. */
export type DeviceChange =
  | {
      /** A device appeared. */
      type: "added";
      /** Its id. */
      deviceId: string;
      /** The device as just read. */
      device: Device;
    }
  /** `device` is the last reading before it went away. */
  | {
      /** A device went away. */
      type: "removed";
      /** Its id. */
      deviceId: string;
      /** The last reading before it went away. */
      device: Device;
    }
  | {
      /** A field of `state` or `configuration` changed. */
      type: "changed";
      /** The device's id. */
      deviceId: string;
      /** The device as just read. */
      device: Device;
      /** The previous reading. */
      previous: Device;
      /** The leaves that differ. */
      fields: FieldChange[];
    }
  /** A section left a pending or moving state (`openpending` → `open`): the device reported back. */
  | {
      /** A section settled. */
      type: "settled";
      /** The device's id. */
      deviceId: string;
      /** The device as just read. */
      device: Device;
      /** The section, e.g. `door`. */
      section: string;
      /** The pending or moving state it left. */
      from: string;
      /** The state it settled in. */
      to: string;
    };

// Where the device's readings live; timestamps and counters outside them change at every check-in.
const WATCHED_ROOTS = ["state", "configuration"] as const;

function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  const record = asRecord(value);
  if (record === undefined) {
    if (value !== undefined) into.set(path, value);
    return into;
  }
  for (const [key, child] of Object.entries(record)) leaves(child, `${path}.${key}`, into);
  return into;
}

const same = (a: unknown, b: unknown) => a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

/** The `state` and `configuration` leaves that differ between two readings of one device, sorted by path. */
export function fieldChanges(previous: Device, next: Device): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const root of WATCHED_ROOTS) {
    const before = leaves(previous[root], root, new Map());
    const after = leaves(next[root], root, new Map());
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      const oldValue = before.get(path);
      const newValue = after.get(path);
      if (!same(oldValue, newValue)) changes.push({ path, oldValue, newValue });
    }
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/** Sections that went from a transitional state to a final one between the readings. */
function settledSections(previous: Device, next: Device): Array<{ section: string; from: string; to: string }> {
  const settled: Array<{ section: string; from: string; to: string }> = [];
  for (const [section, value] of Object.entries(asRecord(next.state) ?? {})) {
    const to = asRecord(value)?.state;
    const from = asRecord(asRecord(previous.state)?.[section])?.state;
    if (typeof from !== "string" || typeof to !== "string" || from === to) continue;
    if (isTransitionalState(from, previous) && !isTransitionalState(to, next)) settled.push({ section, from, to });
  }
  return settled;
}

/**
 * What changed from one `getDevices` reading to the next: devices added and removed, `state`
 * and `configuration` fields changed, and sections that settled. Devices are matched by `deviceId`.
 */
export function deviceChanges(previous: readonly Device[], next: readonly Device[]): DeviceChange[] {
  const before = new Map(previous.map((device) => [device.deviceId, device]));
  const after = new Map(next.map((device) => [device.deviceId, device]));
  const changes: DeviceChange[] = [];
  for (const [deviceId, device] of after) {
    const old = before.get(deviceId);
    if (old === undefined) {
      changes.push({ type: "added", deviceId, device });
      continue;
    }
    const fields = fieldChanges(old, device);
    if (fields.length === 0) continue;
    changes.push({ type: "changed", deviceId, device, previous: old, fields });
    for (const settled of settledSections(old, device)) changes.push({ type: "settled", deviceId, device, ...settled });
  }
  for (const [deviceId, device] of before) {
    if (!after.has(deviceId)) changes.push({ type: "removed", deviceId, device });
  }
  return changes;
}
