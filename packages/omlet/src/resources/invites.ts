import { type RequestOptions, ValidationError, readingInput } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { Invite } from "../models/types.js";

/** An invite from `User.invites`, or just its group id. */
export type InviteRef = string | Pick<Invite, "groupId">;

function groupIdOf(invite: InviteRef): string {
  const groupId = readingInput("The invite", () => (typeof invite === "string" ? invite : invite?.groupId));
  if (typeof groupId !== "string" || groupId === "") throw new ValidationError("An invite needs its groupId");
  return groupId;
}

export async function acceptInvite(ctx: OmletContext, invite: InviteRef, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("acceptInvite", { path: { groupId: groupIdOf(invite) } }, options);
}

export async function rejectInvite(ctx: OmletContext, invite: InviteRef, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("rejectInvite", { path: { groupId: groupIdOf(invite) } }, options);
}
