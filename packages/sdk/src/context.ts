import type { ClientKit } from "@openapp/core";
import type { OpenAppRawClient, operationTable, operations } from "@openapp/openapp-generated";
import type { OpenAppV1RawClient, operationTable as v1OperationTable, operations as v1Operations } from "@openapp/openapp-v1-generated";

/** The two generations of the OpenApp API this SDK speaks. */
export type ApiVersion = "0.1" | "1.0";

/** Page size of list methods when `limit` is not given, and the most the API serves per page. */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest `limit` a list method accepts. */
export const MAX_PAGE_SIZE = 200;

/** The sugar methods of an entity handle. */
export type EntityShortcut = "open" | "close" | "on" | "off";

/** The client kit as typed for OpenApp's operations. */
export type OpenAppKit = ClientKit<operations, typeof operationTable, OpenAppRawClient>;

/** The client kit as typed for the OpenApp 1.0 operations. */
export type OpenAppV1Kit = ClientKit<v1Operations, typeof v1OperationTable, OpenAppV1RawClient>;

/** What the 1.0 resources share: the kit of the 1.0 operations. */
export interface OpenAppV1Context {
  /** The kit every 1.0 call goes through (same base URL, credentials and options as the 0.1 one). */
  readonly kit: OpenAppV1Kit;
  /** One-time secrets (invite tokens and URLs, agent keys) received so far: masked like the key. */
  readonly oneTimeSecrets: Set<string>;
}

/** The state every resource shares; `withOrg` copies share everything but the default org. */
export interface OpenAppContext {
  /** The kit every call goes through. */
  readonly kit: OpenAppKit;
  /** The API generation the client speaks. */
  readonly generation: ApiVersion;
  /** The 1.0 operations' context; on a 0.1 client every call there is a ConfigError naming the fix. */
  readonly v1: OpenAppV1Context;
  /** Action ids behind the entity handle's sugar methods. */
  readonly entityActions: Readonly<Record<EntityShortcut, string>>;
}
