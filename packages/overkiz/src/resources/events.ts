import type { RequestOptions } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import { CONCURRENT_REQUESTS_POLICY, isListenerGone } from "../internal/policies.js";
import { type OverkizEvent, parseEvents } from "../models/events.js";

async function registerOnce(core: ClientCore, options?: RequestOptions): Promise<string> {
  const answer = await core.call((fetch) => core.raw.POST("/events/register", { fetch }), options);
  core.listenerId = answer.id;
  return answer.id;
}

/** Registers a listener and remembers it for `fetchEvents()`. */
export function registerEventListener(core: ClientCore, options?: RequestOptions): Promise<string> {
  return core.withBackoff(CONCURRENT_REQUESTS_POLICY, () => registerOnce(core, options), options);
}

async function fetchWith(core: ClientCore, listenerId: string, options?: RequestOptions): Promise<unknown[]> {
  const path = { listenerId };
  return core.call((fetch) => core.raw.POST("/events/{listenerId}/fetch", { params: { path }, fetch }), options);
}

/** One fetch; a listener that expired (idle, gateway reboot) is replaced once and fetched again. */
async function fetchRecovering(core: ClientCore, options?: RequestOptions): Promise<unknown[]> {
  const listenerId = core.listenerId ?? (await registerOnce(core, options));
  try {
    return await fetchWith(core, listenerId, options);
  } catch (error) {
    if (!isListenerGone(error)) throw error;
    core.logger.info("event listener expired; registering a new one", { listenerId });
    return fetchWith(core, await registerOnce(core, options), options);
  }
}

/**
 * Events received since the previous fetch, oldest first (registers a listener on first use).
 * Poll at most once per second.
 */
export async function fetchEvents(core: ClientCore, options?: RequestOptions): Promise<OverkizEvent[]> {
  const raw = await core.withBackoff(CONCURRENT_REQUESTS_POLICY, () => fetchRecovering(core, options), options);
  return parseEvents(raw, core.logger);
}

/** Unregisters the current listener, if any; unknown ids are accepted by the server. */
export async function unregisterEventListener(core: ClientCore, options?: RequestOptions): Promise<void> {
  const listenerId = core.listenerId;
  if (listenerId === undefined) return;
  const path = { listenerId };
  await core.call((fetch) => core.raw.POST("/events/{listenerId}/unregister", { params: { path }, fetch }), options);
  if (core.listenerId === listenerId) core.listenerId = undefined;
}
