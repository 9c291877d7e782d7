import type { Query, Result, Schemas } from "./operation-types.js";

/** The raw answer of `GET /events`: a bare array or `{ data: [...] }`. */
export type EventList = Result<"getEvents">;
/** One entry of the event history, as the spec's `Event`. */
export type OmletEvent = Schemas["Event"];
/** The query of `getEvents`: `{ page }`. */
export type EventQuery = NonNullable<Query<"getEvents">>;

/** The events of one page; the server's envelope is unconfirmed, so a bare array or `{ data: [...] }`. */
export function eventsOf(list: EventList): OmletEvent[] {
  if (Array.isArray(list)) return list;
  return Array.isArray(list?.data) ? list.data : [];
}
