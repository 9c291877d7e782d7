import type { RequestOptions } from "@openapp/core";
import type { OmletContext } from "../client.js";
import type { EventList, EventQuery, OmletEvent } from "../models/types.js";

/** The server's page envelope is unconfirmed: accept a bare array or `{ data: [...] }`. */
function eventsOf(list: EventList): OmletEvent[] {
  if (Array.isArray(list)) return list;
  return Array.isArray(list?.data) ? list.data : [];
}

/** Recent state changes (about five weeks), one page at a time (`{ page: 2 }`). Experimental. */
export async function getEvents(ctx: OmletContext, query: EventQuery = {}, options?: RequestOptions): Promise<OmletEvent[]> {
  const list = await ctx.kit.call("getEvents", { query }, options);
  return eventsOf(list);
}
