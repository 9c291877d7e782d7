/**
 * Wire types, all derived from the generated spec types so a spec change surfaces here as a
 * compile error instead of silent drift. Nothing in this file is typed by hand.
 */
import type { PathParams, RequestBody, ResponseBody } from "@openapp/core";
import type { components, operations } from "@openapp/overkiz-generated";

export type Schemas = components["schemas"];
export type OperationName = keyof operations;

/** The parsed JSON of an operation's 2xx answers (`undefined` for bodiless ones). */
export type OkBody<Op extends OperationName> = ResponseBody<operations[Op]>;
export type PathOf<Op extends OperationName> = PathParams<operations[Op]>;
export type JsonBodyOf<Op extends OperationName> = RequestBody<operations[Op]>;

export type WireSetup = Schemas["Setup"];
export type WireDevice = Schemas["Device"];
export type WireState = Schemas["State"];
export type WireEventState = Schemas["EventState"];
export type WireEvent = Schemas["Event"];
export type WireExecution = Schemas["Execution"];
export type WireCommand = Schemas["Command"];
export type WireAction = Schemas["Action"];
export type WireActionGroup = Schemas["ActionGroup"];

export type Definition = Schemas["Definition"];
export type CommandDefinition = Schemas["CommandDefinition"];
export type StateDefinition = Schemas["StateDefinition"];
export type WireGateway = Schemas["Gateway"];
export type WirePlace = Schemas["Place"];
export type Location = Schemas["Location"];
export type Zone = Schemas["Zone"];
export type WireOption = Schemas["Option"];
export type WireOptionParameter = Schemas["OptionParameter"];
export type WireHistoryExecution = Schemas["HistoryExecution"];
export type PersistedActionGroup = Schemas["PersistedActionGroup"];
export type ControllableType = Schemas["ControllableType"];
export type ProtocolType = Schemas["ProtocolType"];
export type Timezone = Schemas["Timezone"];
export type UIProfileDefinition = Schemas["UIProfileDefinition"];
export type DeviceSearchCriteria = Schemas["DeviceSearchCriteria"];
export type DeviceSearchResult = Schemas["DeviceSearchResult"];
export type FirmwareStatus = Schemas["FirmwareStatus"];
export type ManufacturerReference = Schemas["ManufacturerReference"];
export type WireLocalToken = Schemas["LocalToken"];
export type LoginForm = Schemas["LoginForm"];
export type LoginResponse = Schemas["LoginResponse"];
export type ErrorBody = Schemas["Error"];
