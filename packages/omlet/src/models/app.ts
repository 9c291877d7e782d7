import type { Body, Result } from "./operation-types.js";

// What Omlet's own app sends besides device calls: notification settings, bug reports, provisioning.

/** The request body of `updateNotifications`. */
export type NotificationsUpdate = Body<"updateNotifications">;
/** The request body of `createBugReport`. */
export type BugReport = Body<"createBugReport">;
/** What `createProvisioningKey` returns. */
export type ProvisioningKey = Result<"createProvisioningKey">;
