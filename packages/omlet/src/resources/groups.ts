import { type RequestOptions, ValidationError, unwrap } from "@openapp/core";
import type { OmletContext } from "../http.js";
import type { Group, GroupList, GroupNameRequest, GroupUserRequest } from "../models/types.js";

const path = (groupId: string) => ({ params: { path: { groupId } } });

/** Accepts the bare name or the wire body, so both `"Orchard"` and `{ groupName }` work. */
function nameBody(name: string | GroupNameRequest): GroupNameRequest {
  const groupName = typeof name === "string" ? name : name?.groupName;
  if (typeof groupName !== "string" || groupName.trim() === "") throw new ValidationError("A group name must be a non-empty string");
  return { groupName };
}

function emailAddress(value: string): string {
  if (typeof value !== "string" || !value.includes("@")) throw new ValidationError(`Not an email address: ${String(value)}`);
  return value;
}

export async function getGroups(ctx: OmletContext, options?: RequestOptions): Promise<GroupList> {
  return unwrap(ctx.raw.GET("/group", { fetch: ctx.authed(options) }));
}

export async function getGroupById(ctx: OmletContext, groupId: string, options?: RequestOptions): Promise<Group> {
  return unwrap(ctx.raw.GET("/group/{groupId}", { ...path(groupId), fetch: ctx.authed(options) }));
}

export async function createGroup(ctx: OmletContext, name: string | GroupNameRequest, options?: RequestOptions): Promise<Group> {
  return unwrap(ctx.raw.POST("/group", { body: nameBody(name), fetch: ctx.authed(options) }));
}

/** Renames the group (the only field the API lets you change). */
export async function updateGroup(
  ctx: OmletContext,
  groupId: string,
  name: string | GroupNameRequest,
  options?: RequestOptions,
): Promise<void> {
  await unwrap(ctx.raw.PATCH("/group/{groupId}", { ...path(groupId), body: nameBody(name), fetch: ctx.authed(options) }));
}

/** Only empty groups can be deleted; otherwise the server answers 400 (BadRequestError). */
export async function deleteGroup(ctx: OmletContext, groupId: string, options?: RequestOptions): Promise<void> {
  await unwrap(ctx.raw.DELETE("/group/{groupId}", { ...path(groupId), fetch: ctx.authed(options) }));
}

export async function inviteUser(ctx: OmletContext, groupId: string, invite: GroupUserRequest, options?: RequestOptions): Promise<void> {
  const body = { ...invite, emailAddress: emailAddress(invite?.emailAddress) };
  await unwrap(ctx.raw.POST("/group/{groupId}/user", { ...path(groupId), body, fetch: ctx.authed(options) }));
}

export async function updateUserAccess(
  ctx: OmletContext,
  groupId: string,
  member: GroupUserRequest,
  options?: RequestOptions,
): Promise<void> {
  const body = { ...member, emailAddress: emailAddress(member?.emailAddress) };
  await unwrap(ctx.raw.PATCH("/group/{groupId}/user", { ...path(groupId), body, fetch: ctx.authed(options) }));
}

/** The member is named in the `emailAddress` query parameter, as the API declares. */
export async function removeUser(ctx: OmletContext, groupId: string, email: string, options?: RequestOptions): Promise<void> {
  await unwrap(
    ctx.raw.DELETE("/group/{groupId}/user", {
      params: { path: { groupId }, query: { emailAddress: emailAddress(email) } },
      fetch: ctx.authed(options),
    }),
  );
}
