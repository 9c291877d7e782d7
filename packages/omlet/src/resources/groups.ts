import { type RequestOptions, ValidationError, readingInput, shown } from "@openapp/core";
import { GroupsOperations } from "../generated/resources.js";
import type { Group, GroupNameRequest, GroupUserRequest } from "../models/group.js";

/** Accepts the bare name or the wire body, so both `"Orchard"` and `{ groupName }` work. */
function nameBody(name: string | GroupNameRequest): GroupNameRequest {
  const groupName = typeof name === "string" ? name : readingInput("The group name", () => name?.groupName);
  if (typeof groupName !== "string" || groupName.trim() === "") throw new ValidationError("A group name must be a non-empty string");
  return { groupName };
}

function checkedEmail(value: string): string {
  if (typeof value !== "string" || !value.includes("@")) throw new ValidationError(`Not an email address: ${shown(value)}`);
  return value;
}

/** A member request with its address checked, read once from whatever the caller passed. */
function memberBody(member: GroupUserRequest, what: string): GroupUserRequest {
  const given = readingInput(what, () => ({ ...member }));
  return { ...given, emailAddress: checkedEmail(given.emailAddress) };
}

/** Groups of devices and their members. */
export class GroupsResource extends GroupsOperations {
  /**
   * Creates a group from a name or `{ groupName }`.
   * `POST /group`.
   * Errors: see {@link OmletClient}.
   * @throws {ValidationError} before any request when the name is empty.
   */
  async createGroup(name: string | GroupNameRequest, options?: RequestOptions): Promise<Group> {
    return this.ctx.kit.call("createGroup", { body: nameBody(name) }, options);
  }

  /**
   * Renames the group (the only field the API lets you change).
   * `PATCH /group/{groupId}`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when the name is empty.
   */
  async updateGroup(groupId: string, name: string | GroupNameRequest, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("updateGroup", { path: { groupId }, body: nameBody(name) }, options);
  }

  /**
   * Same as `updateGroup`, under the official SDKs' name.
   * `PATCH /group/{groupId}`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when the name is empty.
   */
  async updateGroupName(groupId: string, name: string | GroupNameRequest, options?: RequestOptions): Promise<void> {
    return this.updateGroup(groupId, name, options);
  }

  /**
   * Invites an email address to the group with an access level.
   * `POST /group/{groupId}/user`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when `emailAddress` has no `@`.
   */
  async inviteUser(groupId: string, invite: GroupUserRequest, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("inviteUser", { path: { groupId }, body: memberBody(invite, "The invite") }, options);
  }

  /**
   * Changes a member's access level.
   * `PATCH /group/{groupId}/user`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when `emailAddress` has no `@`.
   */
  async updateUserAccess(groupId: string, member: GroupUserRequest, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("updateUserAccess", { path: { groupId }, body: memberBody(member, "The member") }, options);
  }

  /**
   * Removes a member. The member is named twice, with the same address: in the `emailAddress`
   * query parameter Omlet's api.yaml declares, and in the `{ emailAddress }` JSON body all three
   * official SDKs send; which one the server reads is not verified, so both are sent.
   * `DELETE /group/{groupId}/user`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when `emailAddress` has no `@`.
   */
  async removeUser(groupId: string, emailAddress: string, options?: RequestOptions): Promise<void> {
    const member = checkedEmail(emailAddress);
    await this.ctx.kit.call("removeUser", { path: { groupId }, query: { emailAddress: member }, body: { emailAddress: member } }, options);
  }
}
