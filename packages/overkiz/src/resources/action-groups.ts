import { type RequestOptions, ValidationError, readingInput, shown } from "@openapp/core";
import { ActionGroupsOperations } from "../generated/resources.js";
import { checkedId } from "./shared.js";

/** A Date becomes epoch seconds; a number is sent as given (the unit the server expects is epoch seconds). */
function utcTimestamp(when: Date | number): number {
  const value = readingInput("The schedule time", () => (when instanceof Date ? Math.floor(when.getTime() / 1000) : when));
  if (!Number.isSafeInteger(value) || value < 0) throw new ValidationError(`Invalid schedule time ${shown(when)}`);
  return value;
}

export class ActionGroupsResource extends ActionGroupsOperations {
  /**
   * Runs a scene and returns the execution id.
   * `POST /exec/{actionGroupOID}`.
   * @throws {ValidationError} before any request when `actionGroupOID` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async executePersistedActionGroup(actionGroupOID: string, options?: RequestOptions): Promise<string> {
    const path = { actionGroupOID: checkedId("actionGroupOID", actionGroupOID) };
    return (await this.ctx.kit.call("executePersistedActionGroup", { path }, options)).execId;
  }

  /**
   * Schedules a scene (`when` is a Date or epoch seconds) and returns the trigger id (cloud only).
   * `POST /exec/schedule/{actionGroupOID}/{utcTimestamp}`.
   * @throws {ValidationError} before any request when `actionGroupOID` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async schedulePersistedActionGroup(actionGroupOID: string, when: Date | number, options?: RequestOptions): Promise<string> {
    const path = { actionGroupOID: checkedId("actionGroupOID", actionGroupOID), utcTimestamp: utcTimestamp(when) };
    return (await this.ctx.kit.call("schedulePersistedActionGroup", { path }, options)).triggerId;
  }
}
