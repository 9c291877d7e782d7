import { Resource, type RequestOptions } from "@openapp/core";
import type { OmletContext } from "../context.js";
import { type EventQuery, type OmletEvent, eventsOf } from "../models/event.js";
import { type OmletWebhookEvent, type ParseWebhookOptions, parseWebhookEvent } from "../models/webhook.js";

/** What happened to the devices: the event history, and the webhooks Omlet posts. */
export class EventsResource extends Resource<OmletContext> {
  /**
   * Recent state changes (about five weeks), one page at a time (`{ page: 2 }`). Experimental.
   * `GET /events`.
   * Errors: see {@link OmletClient}.
   * @throws {ValidationError} before any request when `query` has a name other than `page`.
   */
  async getEvents(query?: EventQuery, options?: RequestOptions): Promise<OmletEvent[]> {
    return eventsOf(await this.ctx.kit.call("getEvents", { query: query ?? {} }, options));
  }

  /**
   * Read a webhook POST body (flat or under `payload`) into a typed event; no request is made.
   * @throws {ValidationError} when the body is not a valid event, or the token does not match `expectedToken`.
   * @throws {ConfigError} when `expectedToken` is empty.
   */
  parseWebhookEvent(body: unknown, options?: ParseWebhookOptions): OmletWebhookEvent {
    return parseWebhookEvent(body, options);
  }
}
