export { OmletClient } from "./client.js";
export { DEFAULT_BASE_URL, type OmletClientOptions } from "./client.js";
export type { WaitForStateOptions, WaitProgress } from "./internal/wait-for-state.js";
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
} from "./internal/watch-devices.js";

export type { Body, OperationId, Path, Query, Result, Schemas } from "./models/operation-types.js";
export {
  ACCESS_LEVELS,
  AccessLevel,
  isAccessLevel,
  type DoorFault,
  type DoorMode,
  type FeederMode,
  type OnOff,
  type PowerKind,
  type ReportedAccessLevel,
  type StateSection,
  type WatchReason,
} from "./models/enums.js";
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
  type Device,
  type DeviceIdParams,
  type DeviceList,
  type DeviceStatus,
  type DeviceUpdate,
  type FirmwareVersions,
} from "./models/device.js";
export type {
  ConnectivityState,
  DeviceState,
  DoorState,
  FanState,
  FeederState,
  LightState,
  State,
  StateConnectivity,
  StateDoor,
  StateFan,
  StateFeeder,
  StateGeneral,
  StateLight,
} from "./models/state.js";
export {
  compactConfigurationPatch,
  configurationChanges,
  type ClockTime,
  type Configuration,
  type ConfigurationConnectivity,
  type ConfigurationDoor,
  type ConfigurationFan,
  type ConfigurationFeeder,
  type ConfigurationGeneral,
  type ConfigurationLight,
  type ConfigurationPatch,
  type DeviceConfiguration,
} from "./models/configuration.js";
export {
  actionTarget,
  availableActionNames,
  findAction,
  requireAction,
  type Action,
  type ActionContext,
  type ActionInput,
  type ActionResult,
  type ActionTarget,
} from "./models/action.js";
export type { ActionTargets, Control, ControlOptions, DoorControl, FanControl, FeederControl, LightControl } from "./models/control.js";
export { deviceChanges, fieldChanges, type DeviceChange, type FieldChange } from "./models/changes.js";
export type { Group, GroupIdParams, GroupList, GroupNameRequest, GroupUser, GroupUserRemoval, GroupUserRequest } from "./models/group.js";
export type { AccountUpdate, CountryCode, Invite, InviteRef, LoginRequest, RegisterRequest, User } from "./models/user.js";
export type { BugReport, NotificationsUpdate, ProvisioningKey } from "./models/app.js";
export type { EventList, EventQuery, OmletEvent } from "./models/event.js";
export { parseOmletTime } from "./models/time.js";
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
