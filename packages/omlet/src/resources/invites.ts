import { Resource, type RequestOptions, ValidationError, readingInput } from "@openapp/core";
import type { OmletContext } from "../context.js";
import type { InviteRef } from "../models/user.js";

function groupIdOf(invite: InviteRef): string {
  const groupId = readingInput("The invite", () => (typeof invite === "string" ? invite : invite?.groupId));
  if (typeof groupId !== "string" || groupId === "") throw new ValidationError("An invite needs its groupId");
  return groupId;
}

/** Invitations to join someone else's group. */
export class InvitesResource extends Resource<OmletContext> {
  /**
   * Accepts an invite from `User.invites` (or its group id).
   * `POST /invite/{groupId}`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when the invite has no group id.
   */
  async acceptInvite(invite: InviteRef, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("acceptInvite", { path: { groupId: groupIdOf(invite) } }, options);
  }

  /**
   * Declines an invite from `User.invites` (or its group id).
   * `DELETE /invite/{groupId}`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when the invite has no group id.
   */
  async rejectInvite(invite: InviteRef, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("rejectInvite", { path: { groupId: groupIdOf(invite) } }, options);
  }
}
