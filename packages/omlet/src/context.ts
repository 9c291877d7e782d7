import type { ClientKit } from "@openapp/core";
import type { operationTable, operations } from "@openapp/omlet-generated";

/** The kit of an Omlet client: the generated operation table, no vendor request options. */
export type OmletKit = ClientKit<operations, typeof operationTable, never>;

/** The state every resource of one client shares (`this.ctx`). */
export interface OmletContext {
  readonly kit: OmletKit;
  /** Told after each action or configuration write this client sends (the device watchers' follow-up reads). */
  readonly activity: Set<() => void>;
}

/** Tells the client's device watchers that something was sent, so they read again soon. */
export function announceSent(ctx: OmletContext): void {
  for (const listener of ctx.activity) listener();
}
