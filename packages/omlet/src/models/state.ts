import type { Result, Schemas } from "./operation-types.js";

/** A device's `state`, by section. */
export type DeviceState = NonNullable<Result<"getDeviceById">["state"]>;
/** The `state` of a device, by section (every section and field optional), under the official TS SDK's name. */
export type State = Schemas["State"];
/** The spec's `StateGeneral` schema. */
export type StateGeneral = Schemas["StateGeneral"];
/** The spec's `StateConnectivity` schema. */
export type StateConnectivity = Schemas["StateConnectivity"];
/** The spec's `StateDoor` schema. */
export type StateDoor = Schemas["StateDoor"];
/** The spec's `StateLight` schema. */
export type StateLight = Schemas["StateLight"];
/** The spec's `StateFan` schema. */
export type StateFan = Schemas["StateFan"];
/** The spec's `StateFeeder` schema. */
export type StateFeeder = Schemas["StateFeeder"];
/** The spec's `StateDoor` schema. */
export type DoorState = StateDoor;
/** The spec's `StateLight` schema. */
export type LightState = StateLight;
/** The spec's `StateFan` schema. */
export type FanState = StateFan;
/** The spec's `StateFeeder` schema. */
export type FeederState = StateFeeder;
/** The spec's `StateConnectivity` schema. */
export type ConnectivityState = StateConnectivity;
