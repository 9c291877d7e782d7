import type { ClientKit, Logger } from "@openapp/core";
import type { operationTable, operations } from "@openapp/overkiz-generated";
import type { ActionQueue } from "./internal/action-queue.js";
import type { EventListener } from "./internal/event-listener.js";
import type { OverkizSession } from "./internal/session.js";
import type { Device } from "./models/device.js";
import type { Gateway } from "./models/gateway.js";
import type { ServerConfig } from "./models/servers.js";
import type { Setup } from "./models/setup.js";

/** The Overkiz client kit: the generated operation table on core's one skeleton. */
export type OverkizKit = ClientKit<operations, typeof operationTable, never>;

/** Answers kept between calls; `getSetup({ refresh: true })` and `close()` reset them. */
export interface ClientCache {
  setup?: Setup | undefined;
  setupLoading?: Promise<Setup> | undefined;
  devices?: Device[] | undefined;
  gateways?: Gateway[] | undefined;
}

/** The state every resource of one client shares (`this.ctx`), built once by the client. */
export interface OverkizContext {
  readonly kit: OverkizKit;
  readonly server: ServerConfig;
  readonly logger: Logger;
  readonly now: () => number;
  readonly session: OverkizSession;
  readonly listener: EventListener;
  readonly actionQueue: ActionQueue | undefined;
  readonly defaultRtsCommandDurationSeconds: number | undefined;
  readonly validateCommands: boolean;
  readonly cache: ClientCache;
  resetCache(): void;
}
