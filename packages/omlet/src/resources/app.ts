import type { RequestOptions } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { BugReport, NotificationsUpdate } from "../models/types.js";

/** Registers a phone's push-notification token (used by Omlet's own app). */
export async function registerPushToken(ctx: OmletContext, token: string, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("registerPushToken", { path: { token } }, options);
}

export async function unregisterPushToken(ctx: OmletContext, token: string, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("unregisterPushToken", { path: { token } }, options);
}

/** Chooses which notifications are sent and the daily window they may arrive in. */
export async function updateNotifications(ctx: OmletContext, update: NotificationsUpdate, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("updateNotifications", { body: update }, options);
}

export async function createBugReport(ctx: OmletContext, report: BugReport, options?: RequestOptions): Promise<void> {
  await ctx.kit.call("createBugReport", { body: report }, options);
}
