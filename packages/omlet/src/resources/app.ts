import { Resource, type RequestOptions } from "@openapp/core";
import type { OmletContext } from "../context.js";
import type { BugReport, NotificationsUpdate } from "../models/app.js";

/** What Omlet's own app registers: push tokens, notification settings, bug reports. */
export class AppResource extends Resource<OmletContext> {
  /**
   * Registers a phone's push-notification token (used by Omlet's own app).
   * `POST /token/{token}`.
   * @throws See {@link OmletClient | the error contract}.
   */
  async registerPushToken(token: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("registerPushToken", { path: { token } }, options);
  }

  /**
   * Removes a push-notification token.
   * `DELETE /token/{token}`.
   * @throws See {@link OmletClient | the error contract}.
   */
  async unregisterPushToken(token: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("unregisterPushToken", { path: { token } }, options);
  }

  /**
   * Chooses which notifications are sent and the daily window they may arrive in.
   * `PATCH /notifications`.
   * @throws See {@link OmletClient | the error contract}.
   */
  async updateNotifications(update: NotificationsUpdate, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("updateNotifications", { body: update }, options);
  }

  /**
   * Sends a bug report to Omlet.
   * `POST /bugreport`.
   * @throws See {@link OmletClient | the error contract}.
   */
  async createBugReport(report: BugReport, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("createBugReport", { body: report }, options);
  }
}
