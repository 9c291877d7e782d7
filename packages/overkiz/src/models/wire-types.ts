/**
 * Wire types, all derived from the generated spec types so a spec change surfaces here as a
 * compile error instead of silent drift. Nothing in this file is typed by hand.
 */
import type { PathParams, RequestBody, ResponseBody } from "@openapp/core";
import type { components, operations } from "@openapp/overkiz-generated";

/** The generated spec's schemas, by name. */
export type Schemas = components["schemas"];
/** Every operationId of the Overkiz API. */
export type OperationName = keyof operations;

/** The parsed JSON of an operation's 2xx answers (`undefined` for bodiless ones). */
export type OkBody<Op extends OperationName> = ResponseBody<operations[Op]>;
/** The path parameters of an operation. */
export type PathOf<Op extends OperationName> = PathParams<operations[Op]>;
/** The JSON request body of an operation. */
export type JsonBodyOf<Op extends OperationName> = RequestBody<operations[Op]>;

/** The spec's `Setup` schema, as on the wire. */
export type WireSetup = Schemas["Setup"];
/** The spec's `Device` schema, as on the wire. */
export type WireDevice = Schemas["Device"];
/** The spec's `State` schema, as on the wire. */
export type WireState = Schemas["State"];
/** The spec's `EventState` schema, as on the wire. */
export type WireEventState = Schemas["EventState"];
/** The spec's `Event` schema, as on the wire. */
export type WireEvent = Schemas["Event"];
/** The spec's `Execution` schema, as on the wire. */
export type WireExecution = Schemas["Execution"];
/** The spec's `Command` schema, as on the wire. */
export type WireCommand = Schemas["Command"];
/** The spec's `Action` schema, as on the wire. */
export type WireAction = Schemas["Action"];
/** The spec's `ActionGroup` schema, as on the wire. */
export type WireActionGroup = Schemas["ActionGroup"];

/** The spec's `Definition` schema, as on the wire. */
export type Definition = Schemas["Definition"];
/** The spec's `CommandDefinition` schema, as on the wire. */
export type CommandDefinition = Schemas["CommandDefinition"];
/** The spec's `StateDefinition` schema, as on the wire. */
export type StateDefinition = Schemas["StateDefinition"];
/** The spec's `Gateway` schema, as on the wire. */
export type WireGateway = Schemas["Gateway"];
/** The spec's `Place` schema, as on the wire. */
export type WirePlace = Schemas["Place"];
/** The spec's `Location` schema, as on the wire. */
export type Location = Schemas["Location"];
/** The spec's `Zone` schema, as on the wire. */
export type Zone = Schemas["Zone"];
/** The spec's `Option` schema, as on the wire. */
export type WireOption = Schemas["Option"];
/** The spec's `OptionParameter` schema, as on the wire. */
export type WireOptionParameter = Schemas["OptionParameter"];
/** The spec's `HistoryExecution` schema, as on the wire. */
export type WireHistoryExecution = Schemas["HistoryExecution"];
/** The spec's `PersistedActionGroup` schema, as on the wire. */
export type PersistedActionGroup = Schemas["PersistedActionGroup"];
/** The spec's `ControllableType` schema, as on the wire. */
export type ControllableType = Schemas["ControllableType"];
/** The spec's `ProtocolType` schema, as on the wire. */
export type ProtocolType = Schemas["ProtocolType"];
/** The spec's `Timezone` schema, as on the wire. */
export type Timezone = Schemas["Timezone"];
/** The spec's `UIProfileDefinition` schema, as on the wire. */
export type UIProfileDefinition = Schemas["UIProfileDefinition"];
/** The spec's `DeviceSearchCriteria` schema, as on the wire. */
export type DeviceSearchCriteria = Schemas["DeviceSearchCriteria"];
/** The spec's `DeviceSearchResult` schema, as on the wire. */
export type DeviceSearchResult = Schemas["DeviceSearchResult"];
/** The spec's `FirmwareStatus` schema, as on the wire. */
export type FirmwareStatus = Schemas["FirmwareStatus"];
/** The spec's `ManufacturerReference` schema, as on the wire. */
export type ManufacturerReference = Schemas["ManufacturerReference"];
/** The spec's `LocalToken` schema, as on the wire. */
export type WireLocalToken = Schemas["LocalToken"];
/** The spec's `LoginForm` schema, as on the wire. */
export type LoginForm = Schemas["LoginForm"];
/** The spec's `LoginResponse` schema, as on the wire. */
export type LoginResponse = Schemas["LoginResponse"];
/** The spec's `Error` schema, as on the wire. */
export type ErrorBody = Schemas["Error"];
