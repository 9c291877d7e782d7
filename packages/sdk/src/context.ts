import type { ClientKit } from "@openapp/core";
import type { OpenAppRawClient, operationTable, operations } from "@openapp/openapp-generated";

/** The sugar methods of an entity handle. */
export type EntityShortcut = "open" | "close" | "on" | "off";

/** The client kit as typed for OpenApp's operations. */
export type OpenAppKit = ClientKit<operations, typeof operationTable, OpenAppRawClient>;

/** The state every resource shares; `withOrg` copies share everything but the default org. */
export interface OpenAppContext {
  /** The kit every call goes through. */
  readonly kit: OpenAppKit;
  /** Action ids behind the entity handle's sugar methods. */
  readonly entityActions: Readonly<Record<EntityShortcut, string>>;
}
