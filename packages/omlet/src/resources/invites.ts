import { type RequestOptions, ValidationError, unwrap } from "@openapp/core";
import type { OmletContext } from "../http.js";
import type { Invite } from "../models/types.js";

/** An invite from `User.invites`, or just its group id. */
export type InviteRef = string | Pick<Invite, "groupId">;

function groupIdOf(invite: InviteRef): string {
  const groupId = typeof invite === "string" ? invite : invite?.groupId;
  if (typeof groupId !== "string" || groupId === "") throw new ValidationError("An invite needs its groupId");
  return groupId;
}

export async function acceptInvite(ctx: OmletContext, invite: InviteRef, options?: RequestOptions): Promise<void> {
  const params = { path: { groupId: groupIdOf(invite) } };
  await unwrap(ctx.raw.POST("/invite/{groupId}", { params, fetch: ctx.authed(options) }));
}

export async function rejectInvite(ctx: OmletContext, invite: InviteRef, options?: RequestOptions): Promise<void> {
  const params = { path: { groupId: groupIdOf(invite) } };
  await unwrap(ctx.raw.DELETE("/invite/{groupId}", { params, fetch: ctx.authed(options) }));
}
