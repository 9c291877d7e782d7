import { type RequestOptions, unwrap } from "@openapp/core";
import type { OmletContext } from "../http.js";
import type { BugReport, NotificationsUpdate } from "../models/types.js";

const tokenPath = (token: string) => ({ params: { path: { token } } });

/** Registers a phone's push-notification token (used by Omlet's own app). */
export async function registerPushToken(ctx: OmletContext, token: string, options?: RequestOptions): Promise<void> {
  await unwrap(ctx.raw.POST("/token/{token}", { ...tokenPath(token), fetch: ctx.authed(options) }));
}

export async function unregisterPushToken(ctx: OmletContext, token: string, options?: RequestOptions): Promise<void> {
  await unwrap(ctx.raw.DELETE("/token/{token}", { ...tokenPath(token), fetch: ctx.authed(options) }));
}

/** Chooses which notifications are sent and the daily window they may arrive in. */
export async function updateNotifications(ctx: OmletContext, update: NotificationsUpdate, options?: RequestOptions): Promise<void> {
  await unwrap(ctx.raw.PATCH("/notifications", { body: update, fetch: ctx.authed(options) }));
}

export async function createBugReport(ctx: OmletContext, report: BugReport, options?: RequestOptions): Promise<void> {
  await unwrap(ctx.raw.POST("/bugreport", { body: report, fetch: ctx.authed(options) }));
}
