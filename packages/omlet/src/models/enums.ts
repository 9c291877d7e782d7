import type { Body, Schemas } from "./operation-types.js";

// Every closed set of names the SDK knows, in one place. The spec's open sets (a known value or
// a newer one as plain text) are types only; the SDK's own sets are unions of literals.

type AccessLevelName = NonNullable<Body<"inviteUser">>["access"];

/**
 * The access levels of a group member, as runtime values (the official TS SDK's `Access`):
 * `inviteUser(groupId, { emailAddress, access: AccessLevel.Admin })`.
 */
export const AccessLevel = {
  /** May manage the group and its members. */
  Admin: "Admin",
  /** May use the group's devices. */
  User: "User",
} as const satisfies Record<AccessLevelName, AccessLevelName>;

/**
 * The access a member is invited or changed to: `"Admin"` or `"User"`; `satisfies` makes a level
 * added to or removed from the spec a compile error here.
 */
export type AccessLevel = (typeof AccessLevel)[keyof typeof AccessLevel];

/** Every access level, for pickers and validation. */
export const ACCESS_LEVELS: readonly AccessLevel[] = Object.values(AccessLevel);

/** True for `"Admin"` and `"User"`. */
export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === "string" && (ACCESS_LEVELS as readonly string[]).includes(value);
}

/** The access a group reports for a member: a known level, or a newer one as plain text. */
export type ReportedAccessLevel = Schemas["ReportedAccessLevel"];
/** The spec's `DoorFault` schema. */
export type DoorFault = Schemas["DoorFault"];
/** The spec's `DoorMode` schema. */
export type DoorMode = Schemas["DoorMode"];
/** The spec's `FeederMode` schema. */
export type FeederMode = Schemas["FeederMode"];
/** `"on"` or `"off"`, as the spec's `OnOff`. */
export type OnOff = Schemas["OnOff"];

/** Sections of `state` whose `state` field describes something that moves or switches. */
export type StateSection = "door" | "light" | "fan" | "feeder";
/** How a device is powered, as `powerKind` reads it. */
export type PowerKind = "mains" | "battery" | "unknown";
/** What made a device watcher read. */
export type WatchReason = "initial" | "interval" | "follow-up" | "webhook" | "refresh";
