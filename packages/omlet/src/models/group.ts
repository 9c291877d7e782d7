import type { Body, Path, Result, Schemas } from "./operation-types.js";

/** What `getGroupById` returns. */
export type Group = Result<"getGroupById">;
/** What `getGroups` returns. */
export type GroupList = Result<"getGroups">;
/** One member of a group, as listed in `Group.users`. */
export type GroupUser = NonNullable<Group["users"]>[number];
/** The request body of `inviteUser`. */
export type GroupUserRequest = Body<"inviteUser">;
/** The request body of `createGroup`. */
export type GroupNameRequest = Body<"createGroup">;
/** The spec's `GroupUserRemoval` schema. */
export type GroupUserRemoval = Schemas["GroupUserRemoval"];
/** The path parameters of the group routes: `{ groupId }`. */
export type GroupIdParams = Path<"getGroupById">;
