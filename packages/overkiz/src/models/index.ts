export { type ActionInput, type CommandInput, DEFAULT_EXECUTION_LABEL, MAX_ACTIONS_PER_EXECUTION, buildActionGroup, command, toWireAction, toWireCommand } from "./commands.js";
export { Device, parseDevices } from "./device.js";
export { type DeviceIdentifier, isOverkizGateway, isValidDeviceUrl, parseDeviceUrl } from "./device-url.js";
export {
  DIAGNOSTIC_ALLOWED_KEYS,
  SENSITIVE_STATE_NAMES,
  isSensitiveStateName,
  maskEmail,
  maskIdentifier,
  maskText,
  obfuscateSensitiveData,
} from "./diagnostics.js";
export {
  DataType,
  ExecutionMode,
  ExecutionState,
  ExecutionSubType,
  ExecutionType,
  ProductType,
  Protocol,
  UNKNOWN,
  isKnownProtocol,
  GatewaySubType,
  GatewayType,
  StateDefinitionType,
  nameOf,
  readableName,
} from "./enums.js";
export {
  type DeviceEvent,
  type DeviceStateChangedEvent,
  type EventKind,
  type ExecutionRegisteredEvent,
  type ExecutionStateChangedEvent,
  type FailureEvent,
  type GatewayEvent,
  type OtherEvent,
  type OverkizEvent,
  type ZoneEvent,
  parseEvent,
  parseEvents,
} from "./events.js";
export { type Execution, parseExecution } from "./execution.js";
export { applyRtsDefaultDuration } from "./rts.js";
export { type Setup, parseSetup } from "./setup.js";
export { type JsonObject, type RawState, State, type StateValue, States, castStateValue, parseStates, readStateValue, sameValue, type StateReading } from "./state.js";
export { DeviceDefinition, type NamedStateDefinition } from "./definition.js";
export type * from "./names.js";
export { type Gateway, type GatewaySubTypeCode, type GatewayTypeCode, parseGateway, parseGateways } from "./gateway.js";
export { type FailureTypeName, type HistoryCommand, type HistoryExecution, parseHistoryExecution } from "./history.js";
export { type LocalToken, isLocalTokenExpired, parseLocalToken } from "./local-token.js";
export { type Option, type OptionParameter, parseOption } from "./option.js";
export { type Place, findPlace, flattenPlaces, parsePlace } from "./place.js";
