import type { Body, Result } from "./operation-types.js";

/** What `getUser` returns. */
export type User = Result<"getUser">;
/** A pending invitation, as listed in `User.invites`. */
export type Invite = NonNullable<User["invites"]>[number];
/** An invite from `User.invites`, or just its group id. */
export type InviteRef = string | Pick<Invite, "groupId">;
/** The request body of `updateAccount`. */
export type AccountUpdate = Body<"updateAccount">;
/** The request body of `login`. */
export type LoginRequest = Body<"login">;
/** The shop country `login` accepts as `cc`, e.g. `GB`. */
export type CountryCode = NonNullable<LoginRequest["cc"]>;
/** The request body of `register`. */
export type RegisterRequest = Body<"register">;
