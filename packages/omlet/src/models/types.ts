import type { components } from "@openapp/omlet-generated";
import type { Body, Path, Query, Result } from "./operation-types.js";

/**
 * Public model types, all derived from the generated spec types so a spec change
 * surfaces here as a compile error instead of silent drift.
 */
type Schemas = components["schemas"];

export type Device = Result<"getDeviceById">;
export type DeviceList = Result<"getDevices">;
export type Action = NonNullable<Device["actions"]>[number];
export type DeviceState = NonNullable<Device["state"]>;
export type DeviceConfiguration = NonNullable<Device["configuration"]>;
export type DoorState = Schemas["StateDoor"];
export type LightState = Schemas["StateLight"];
export type FanState = Schemas["StateFan"];
export type FeederState = Schemas["StateFeeder"];
export type ConnectivityState = Schemas["StateConnectivity"];

// The sections under the names the official TS SDK uses (every section and field optional).
export type State = Schemas["State"];
export type StateGeneral = Schemas["StateGeneral"];
export type StateConnectivity = Schemas["StateConnectivity"];
export type StateDoor = Schemas["StateDoor"];
export type StateLight = Schemas["StateLight"];
export type StateFan = Schemas["StateFan"];
export type StateFeeder = Schemas["StateFeeder"];
export type ConfigurationGeneral = Schemas["ConfigurationGeneral"];
export type ConfigurationConnectivity = Schemas["ConfigurationConnectivity"];
export type ConfigurationDoor = Schemas["ConfigurationDoor"];
export type ConfigurationLight = Schemas["ConfigurationLight"];
export type ConfigurationFan = Schemas["ConfigurationFan"];
export type ConfigurationFeeder = Schemas["ConfigurationFeeder"];
export type DoorFault = Schemas["DoorFault"];
export type DoorMode = Schemas["DoorMode"];
export type FeederMode = Schemas["FeederMode"];
export type OnOff = Schemas["OnOff"];
export type ClockTime = Schemas["ClockTime"];

export type Configuration = Result<"getConfiguration">;
export type ConfigurationPatch = Body<"updateConfiguration">;
export type DeviceUpdate = Body<"updateDevice">;
/** Extra context some servers return when they queue an action (usually there is none). */
export type ActionContext = Exclude<Result<"performAction">, undefined | void>;

export type Group = Result<"getGroupById">;
export type GroupList = Result<"getGroups">;
export type GroupUser = NonNullable<Group["users"]>[number];
export type GroupUserRequest = Body<"inviteUser">;
export type GroupNameRequest = Body<"createGroup">;
export type AccessLevel = GroupUserRequest["access"];
/** The access a group reports for a member: a known level, or a newer one as plain text. */
export type ReportedAccessLevel = Schemas["ReportedAccessLevel"];
export type GroupUserRemoval = Schemas["GroupUserRemoval"];

export type User = Result<"getUser">;
/** A pending invitation, as listed in `User.invites`. */
export type Invite = NonNullable<User["invites"]>[number];
export type AccountUpdate = Body<"updateAccount">;

export type LoginRequest = Body<"login">;
export type CountryCode = NonNullable<LoginRequest["cc"]>;
export type RegisterRequest = Body<"register">;

export type NotificationsUpdate = Body<"updateNotifications">;
export type BugReport = Body<"createBugReport">;
export type FirmwareVersions = Result<"getLatestFirmware">;
export type ProvisioningKey = Result<"createProvisioningKey">;

export type EventList = Result<"getEvents">;
export type OmletEvent = Schemas["Event"];
export type EventQuery = NonNullable<Query<"getEvents">>;

export type DeviceIdParams = Path<"getDeviceById">;
export type GroupIdParams = Path<"getGroupById">;
