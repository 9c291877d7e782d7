import type { components, operations } from "@openapp/omlet-generated";
import type { PathParams, QueryParams, RequestBody, ResponseBody } from "@openapp/core";

/**
 * Public model types, all derived from the generated spec types so a spec change
 * surfaces here as a compile error instead of silent drift.
 */
type Schemas = components["schemas"];

export type Device = ResponseBody<operations["getDeviceById"]>;
export type DeviceList = ResponseBody<operations["getDevices"]>;
export type Action = NonNullable<Device["actions"]>[number];
export type DeviceState = NonNullable<Device["state"]>;
export type DeviceConfiguration = NonNullable<Device["configuration"]>;
export type DoorState = Schemas["StateDoor"];
export type LightState = Schemas["StateLight"];
export type FanState = Schemas["StateFan"];
export type FeederState = Schemas["StateFeeder"];
export type ConnectivityState = Schemas["StateConnectivity"];

export type Configuration = ResponseBody<operations["getConfiguration"]>;
export type ConfigurationPatch = RequestBody<operations["updateConfiguration"]>;
export type DeviceUpdate = RequestBody<operations["updateDevice"]>;
/** Extra context some servers return when they queue an action (usually there is none). */
export type ActionContext = Exclude<ResponseBody<operations["performAction"]>, undefined | void>;

export type Group = ResponseBody<operations["getGroupById"]>;
export type GroupList = ResponseBody<operations["getGroups"]>;
export type GroupUser = NonNullable<Group["users"]>[number];
export type GroupUserRequest = RequestBody<operations["inviteUser"]>;
export type GroupNameRequest = RequestBody<operations["createGroup"]>;
export type AccessLevel = GroupUserRequest["access"];

export type User = ResponseBody<operations["getUser"]>;
/** A pending invitation, as listed in `User.invites`. */
export type Invite = NonNullable<User["invites"]>[number];
export type AccountUpdate = RequestBody<operations["updateAccount"]>;

export type LoginRequest = RequestBody<operations["login"]>;
export type CountryCode = NonNullable<LoginRequest["cc"]>;
export type RegisterRequest = RequestBody<operations["register"]>;

export type NotificationsUpdate = RequestBody<operations["updateNotifications"]>;
export type BugReport = RequestBody<operations["createBugReport"]>;
export type FirmwareVersions = ResponseBody<operations["getLatestFirmware"]>;
export type ProvisioningKey = ResponseBody<operations["createProvisioningKey"]>;

export type EventList = ResponseBody<operations["getEvents"]>;
export type OmletEvent = Schemas["Event"];
export type EventQuery = NonNullable<QueryParams<operations["getEvents"]>>;

export type DeviceIdParams = PathParams<operations["getDeviceById"]>;
export type GroupIdParams = PathParams<operations["getGroupById"]>;
