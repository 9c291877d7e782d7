import { type RequestOptions, ValidationError, shown, readingInput } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { Group, GroupList, GroupNameRequest, GroupUserRequest } from "../models/types.js";

/** Accepts the bare name or the wire body, so both `"Orchard"` and `{ groupName }` work. */
function nameBody(name: string | GroupNameRequest): GroupNameRequest {
  const groupName = typeof name === "string" ? name : readingInput("The group name", () => name?.groupName);
  if (typeof groupName !== "string" || groupName.trim() === "") throw new ValidationError("A group name must be a non-empty string");
  return { groupName };
}

function emailAddress(value: string): string {
  if (typeof value !== "string" || !value.includes("@")) throw new ValidationError(`Not an email address: ${shown(value)}`);
  return value;
}

export async function getGroups(ctx: OmletContext, options?: RequestOptions): Promise<GroupList> {
  return ctx.kit.call("getGroups", {}, options);
}

export async function getGroupById(ctx: OmletContext, groupId: string, options?: RequestOptions): Promise<Group> {
  return ctx.kit.call("getGroupById", { path: { groupId } }, options);
}

export async function createGroup(ctx: OmletContext, name: string | GroupNameRequest, options?: RequestOptions): Promise<Group> {
  return ctx.kit.call("createGroup", { body: nameBody(name) }, options);
}

/** Renames the group (the only field the API lets you change). */
export async function updateGroup(
  ctx: OmletContext,
  groupId: string,
  name: string | GroupNameRequest,
  options?: RequestOptions,
): Promise<void> {
  await ctx.kit.call("updateGroup", { path: { groupId }, body: nameBody(name) }, options);
}

/** Only empty groups can be deleted; otherwise the server answers 400 (BadRequestError). */
export async function deleteGroup(ctx: OmletContext, groupId: string, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("deleteGroup", { path: { groupId } }, options);
}

export async function inviteUser(ctx: OmletContext, groupId: string, invite: GroupUserRequest, options?: RequestOptions): Promise<void> {
  const given = readingInput("The invite", () => ({ ...invite }));
  const body = { ...given, emailAddress: emailAddress(given.emailAddress) };
  await ctx.kit.call("inviteUser", { path: { groupId }, body }, options);
}

export async function updateUserAccess(
  ctx: OmletContext,
  groupId: string,
  member: GroupUserRequest,
  options?: RequestOptions,
): Promise<void> {
  const given = readingInput("The member", () => ({ ...member }));
  const body = { ...given, emailAddress: emailAddress(given.emailAddress) };
  await ctx.kit.call("updateUserAccess", { path: { groupId }, body }, options);
}

/**
 * The member is named twice, with the same address: in the `emailAddress` query parameter
 * Omlet's api.yaml declares, and in the `{ emailAddress }` JSON body all three official SDKs
 * send. Which one the server reads is not verified, so both are sent.
 */
export async function removeUser(ctx: OmletContext, groupId: string, email: string, options?: RequestOptions): Promise<void> {
  const member = emailAddress(email);
  await ctx.kit.call("removeUser", { path: { groupId }, query: { emailAddress: member }, body: { emailAddress: member } }, options);
}
