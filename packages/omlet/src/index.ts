export { OmletClient } from "./client.js";
export { DEFAULT_BASE_URL, type OmletClientOptions } from "./client.js";
export type { ActionInput, ActionResult } from "./resources/devices.js";
export type { ActionTargets, Control, ControlOptions, DoorControl, FanControl, FeederControl, LightControl } from "./resources/controls.js";
export type { InviteRef } from "./resources/invites.js";
export type { WaitForStateOptions, WaitProgress } from "./resources/wait-for-state.js";
export {
  DEFAULT_FOLLOW_UP_DELAYS_MS,
  DEFAULT_MAX_BUFFERED_CHANGES,
  DEFAULT_WATCH_INTERVAL_MS,
  MIN_WATCH_INTERVAL_MS,
  type DeviceChanges,
  type DeviceSubscription,
  type DeviceWatchControls,
  type DeviceWatcher,
  type WatchDevicesOptions,
  type WatchReason,
} from "./resources/watch-devices.js";
export { deviceChanges, fieldChanges, type DeviceChange, type FieldChange } from "./models/changes.js";

export type * from "./models/types.js";
export type { Body, OperationId, Path, Query, Result } from "./models/operation-types.js";
export { parseOmletTime } from "./models/time.js";
export { ACCESS_LEVELS, AccessLevel, isAccessLevel } from "./models/access.js";
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
export {
  parseWebhookEvent,
  type OmletWebhookEvent,
  type ParseWebhookOptions,
  type WebhookBody,
  type WebhookQuery,
} from "./models/webhook.js";

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
  RedirectError,
  ResponseBodyError,
  ResponseParseError,
  ResponseTooLargeError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ConfigError,
  SerializationError,
  ValidationError,
  type Logger,
  type Middleware,
  type RequestOptions,
} from "@openapp/core";
