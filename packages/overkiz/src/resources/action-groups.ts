import { type RequestOptions, ValidationError } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import type { PersistedActionGroup } from "../types.js";
import { checkedId } from "./shared.js";

export function getActionGroups(core: ClientCore, options?: RequestOptions): Promise<PersistedActionGroup[]> {
  return core.call((fetch) => core.raw.GET("/actionGroups", { fetch }), options);
}

/** Runs a scene and returns the execution id. */
export async function executePersistedActionGroup(core: ClientCore, actionGroupOID: string, options?: RequestOptions): Promise<string> {
  const path = { actionGroupOID: checkedId("actionGroupOID", actionGroupOID) };
  const answer = await core.call((fetch) => core.raw.POST("/exec/{actionGroupOID}", { params: { path }, fetch }), options);
  return answer.execId;
}

/** A Date becomes epoch seconds; a number is sent as given (the unit the server expects is epoch seconds). */
function utcTimestamp(when: Date | number): number {
  const value = when instanceof Date ? Math.floor(when.getTime() / 1000) : when;
  if (!Number.isSafeInteger(value) || value < 0) throw new ValidationError(`Invalid schedule time ${String(when)}`);
  return value;
}

/** Schedules a scene and returns the trigger id (cloud only). */
export async function schedulePersistedActionGroup(
  core: ClientCore,
  actionGroupOID: string,
  when: Date | number,
  options?: RequestOptions,
): Promise<string> {
  const path = { actionGroupOID: checkedId("actionGroupOID", actionGroupOID), utcTimestamp: utcTimestamp(when) };
  const answer = await core.call(
    (fetch) => core.raw.POST("/exec/schedule/{actionGroupOID}/{utcTimestamp}", { params: { path }, fetch }),
    options,
  );
  return answer.triggerId;
}
