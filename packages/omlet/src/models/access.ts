import type { AccessLevel as AccessLevelName } from "./types.js";

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

/** One of `"Admin"`, `"User"`; `satisfies` makes a level added to or removed from the spec a compile error here. */
export type AccessLevel = (typeof AccessLevel)[keyof typeof AccessLevel];

/** Every access level, for pickers and validation. */
export const ACCESS_LEVELS: readonly AccessLevel[] = Object.values(AccessLevel);

/** True for `"Admin"` and `"User"`. */
export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === "string" && (ACCESS_LEVELS as readonly string[]).includes(value);
}
