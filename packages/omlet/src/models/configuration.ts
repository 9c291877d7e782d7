import { ValidationError, isPlainObject, readingInput } from "@openapp/core";
import type { Body, Result, Schemas } from "./operation-types.js";

/** What `getConfiguration` returns. */
export type Configuration = Result<"getConfiguration">;
/** A device's `configuration`, by section. */
export type DeviceConfiguration = NonNullable<Result<"getDeviceById">["configuration"]>;
/** The request body of `updateConfiguration`. */
export type ConfigurationPatch = Body<"updateConfiguration">;
/** The spec's `ConfigurationGeneral` schema. */
export type ConfigurationGeneral = Schemas["ConfigurationGeneral"];
/** The spec's `ConfigurationConnectivity` schema. */
export type ConfigurationConnectivity = Schemas["ConfigurationConnectivity"];
/** The spec's `ConfigurationDoor` schema. */
export type ConfigurationDoor = Schemas["ConfigurationDoor"];
/** The spec's `ConfigurationLight` schema. */
export type ConfigurationLight = Schemas["ConfigurationLight"];
/** The spec's `ConfigurationFan` schema. */
export type ConfigurationFan = Schemas["ConfigurationFan"];
/** The spec's `ConfigurationFeeder` schema. */
export type ConfigurationFeeder = Schemas["ConfigurationFeeder"];
/** A time of day, `HH:MM`, as the spec's `ClockTime`. */
export type ClockTime = Schemas["ClockTime"];

type Json = Record<string, unknown>;

function compactValue(value: unknown, path: string[]): unknown {
  if (value === null) {
    // The server treats null as a value to store; an omitted field is left alone.
    throw new ValidationError(`Configuration field ${path.join(".")} is null; leave it out to keep its current value`, {
      issues: [{ path, message: "null is not a configuration value" }],
    });
  }
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value)
    .filter(([, child]) => child !== undefined)
    .map(([key, child]) => [key, compactValue(child, [...path, key])] as const)
    .filter(([, child]) => !(isPlainObject(child) && Object.keys(child).length === 0));
  return Object.fromEntries(entries);
}

/**
 * The PATCH body exactly as given minus `undefined` members and empty sections, so only
 * the fields the caller named are sent. An empty result is refused: it would be a write
 * that changes nothing yet still wakes the device.
 */
export function compactConfigurationPatch(patch: ConfigurationPatch): ConfigurationPatch {
  const compact = readingInput("The configuration update", () => {
    if (!isPlainObject(patch)) throw new ValidationError("A configuration update must be an object keyed by section");
    return compactValue(patch, []) as ConfigurationPatch;
  });
  if (Object.keys(compact).length === 0) {
    throw new ValidationError("The configuration update is empty; name at least one field to change");
  }
  return compact;
}

function diffObjects(current: Json, desired: Json): Json {
  const changes: Json = {};
  for (const [key, value] of Object.entries(desired)) {
    if (value === undefined) continue;
    const before = current[key];
    if (isPlainObject(value)) {
      const nested = diffObjects(isPlainObject(before) ? before : {}, value);
      if (Object.keys(nested).length > 0) changes[key] = nested;
    } else if (JSON.stringify(before) !== JSON.stringify(value)) {
      changes[key] = value;
    }
  }
  return changes;
}

/**
 * The minimal patch that turns `current` into `desired`: only leaves whose value differs.
 * Lets callers edit a whole configuration object without echoing back fields such as
 * `general.datetime`, which could reset the device clock.
 */
export function configurationChanges(current: Configuration, desired: Configuration): ConfigurationPatch {
  return diffObjects(current as Json, desired as Json) as ConfigurationPatch;
}
