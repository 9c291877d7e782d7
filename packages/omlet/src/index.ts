export { OmletClient } from "./client.js";
export { DEFAULT_BASE_URL, type OmletClientOptions } from "./client.js";
export type { ActionInput, ActionResult } from "./resources/devices.js";
export type { ControlOptions, DoorControl, FanControl, FeederControl, LightControl } from "./resources/controls.js";
export type { InviteRef } from "./resources/invites.js";
export type { WaitForStateOptions } from "./resources/wait-for-state.js";

export type * from "./models/types.js";
export { parseOmletTime } from "./models/time.js";
export {
  deviceStatus,
  hasLightFitted,
  isSettled,
  isTransitionalState,
  pendingSections,
  powerKind,
  sectionState,
  toNumber,
  wifiStrength,
  type DeviceStatus,
  type PowerKind,
  type StateSection,
} from "./models/device.js";
export { actionTarget, availableActionNames, findAction, requireAction, type ActionTarget } from "./models/actions.js";
export { compactConfigurationPatch, configurationChanges } from "./models/configuration.js";
export { parseWebhookEvent, type OmletWebhookEvent, type ParseWebhookOptions, type WebhookBody } from "./models/webhook.js";

export { InvalidFieldsError, LoginFailedError, StateTimeoutError, omletErrorMapper } from "./errors.js";
export {
  SdkError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ConfigError,
  ValidationError,
  type Logger,
  type Middleware,
  type RequestOptions,
} from "@openapp/core";
