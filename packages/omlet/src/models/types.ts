import type { components } from "@openapp/omlet-generated";
import type { Body, Path, Query, Result } from "./operation-types.js";

// Public model types, all derived from the generated spec types so a spec change
// surfaces here as a compile error instead of silent drift.

/** The generated spec's schemas, by name. */
export type Schemas = components["schemas"];

/** A device with its state, configuration and actions, as `getDeviceById` returns it. */
export type Device = Result<"getDeviceById">;
/** What `getDevices` returns: every device the user can access. */
export type DeviceList = Result<"getDevices">;
/** One entry of `device.actions`: a name and the url `performAction` posts to. */
export type Action = NonNullable<Device["actions"]>[number];
/** A device's `state`, by section. */
export type DeviceState = NonNullable<Device["state"]>;
/** A device's `configuration`, by section. */
export type DeviceConfiguration = NonNullable<Device["configuration"]>;
/** The spec's `StateDoor` schema. */
export type DoorState = Schemas["StateDoor"];
/** The spec's `StateLight` schema. */
export type LightState = Schemas["StateLight"];
/** The spec's `StateFan` schema. */
export type FanState = Schemas["StateFan"];
/** The spec's `StateFeeder` schema. */
export type FeederState = Schemas["StateFeeder"];
/** The spec's `StateConnectivity` schema. */
export type ConnectivityState = Schemas["StateConnectivity"];

// The sections under the names the official TS SDK uses (every section and field optional).
/** The `state` of a device, by section (every section and field optional). */
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
/** The spec's `ConfigurationGeneral` schema. */
export type ConfigurationGeneral = Schemas["ConfigurationGeneral"];
/** The spec's `ConfigurationConnectivity` schema. */
export type ConfigurationConnectivity = Schemas["ConfigurationConnectivity"];
/** The spec's `ConfigurationDoor` schema. */
export type ConfigurationDoor = Schemas["ConfigurationDoor"];
/** The spec's `ConfigurationLight` schema. */
export type ConfigurationLight = Schemas["ConfigurationLight"];
/** The spec's `ConfigurationFan` schema. */
export type ConfigurationFan = Schemas["ConfigurationFan"];
/** The spec's `ConfigurationFeeder` schema. */
export type ConfigurationFeeder = Schemas["ConfigurationFeeder"];
/** The spec's `DoorFault` schema. */
export type DoorFault = Schemas["DoorFault"];
/** The spec's `DoorMode` schema. */
export type DoorMode = Schemas["DoorMode"];
/** The spec's `FeederMode` schema. */
export type FeederMode = Schemas["FeederMode"];
/** `"on"` or `"off"`, as the spec's `OnOff`. */
export type OnOff = Schemas["OnOff"];
/** A time of day, `HH:MM`, as the spec's `ClockTime`. */
export type ClockTime = Schemas["ClockTime"];

/** What `getConfiguration` returns. */
export type Configuration = Result<"getConfiguration">;
/** The request body of `updateConfiguration`. */
export type ConfigurationPatch = Body<"updateConfiguration">;
/** The request body of `updateDevice`. */
export type DeviceUpdate = Body<"updateDevice">;
/** Extra context some servers return when they queue an action (usually there is none). */
export type ActionContext = Exclude<Result<"performAction">, undefined | void>;

/** What `getGroupById` returns. */
export type Group = Result<"getGroupById">;
/** What `getGroups` returns. */
export type GroupList = Result<"getGroups">;
/** One member of a group, as listed in `Group.users`. */
export type GroupUser = NonNullable<Group["users"]>[number];
/** The request body of `inviteUser`. */
export type GroupUserRequest = Body<"inviteUser">;
/** The request body of `createGroup`. */
export type GroupNameRequest = Body<"createGroup">;
/** The access a member is invited or changed to: `"Admin"` or `"User"`. */
export type AccessLevel = GroupUserRequest["access"];
/** The access a group reports for a member: a known level, or a newer one as plain text. */
export type ReportedAccessLevel = Schemas["ReportedAccessLevel"];
/** The spec's `GroupUserRemoval` schema. */
export type GroupUserRemoval = Schemas["GroupUserRemoval"];

/** What `getUser` returns. */
export type User = Result<"getUser">;
/** A pending invitation, as listed in `User.invites`. */
export type Invite = NonNullable<User["invites"]>[number];
/** The request body of `updateAccount`. */
export type AccountUpdate = Body<"updateAccount">;

/** The request body of `login`. */
export type LoginRequest = Body<"login">;
/** The shop country `login` accepts as `cc`, e.g. `GB`. */
export type CountryCode = NonNullable<LoginRequest["cc"]>;
/** The request body of `register`. */
export type RegisterRequest = Body<"register">;

/** The request body of `updateNotifications`. */
export type NotificationsUpdate = Body<"updateNotifications">;
/** The request body of `createBugReport`. */
export type BugReport = Body<"createBugReport">;
/** What `getLatestFirmware` returns. */
export type FirmwareVersions = Result<"getLatestFirmware">;
/** What `createProvisioningKey` returns. */
export type ProvisioningKey = Result<"createProvisioningKey">;

/** The raw answer of `GET /events`: a bare array or `{ data: [...] }`. */
export type EventList = Result<"getEvents">;
/** One entry of the event history, as the spec's `Event`. */
export type OmletEvent = Schemas["Event"];
/** The query of `getEvents`: `{ page }`. */
export type EventQuery = NonNullable<Query<"getEvents">>;

/** The path parameters of the device routes: `{ deviceId }`. */
export type DeviceIdParams = Path<"getDeviceById">;
/** The path parameters of the group routes: `{ groupId }`. */
export type GroupIdParams = Path<"getGroupById">;
