import type { RequestOptions } from "@openapp/core";
import { ReferenceOperations } from "../generated/resources.js";
import type { Definition, UIProfileDefinition } from "../models/wire-types.js";
import { checkedId } from "./shared.js";

/** The reference catalogue of the server; the lookups without a path parameter are generated (`ReferenceOperations`). */
export class ReferenceResource extends ReferenceOperations {
  /**
   * Definition of a controllable.
   * `GET /reference/controllable/{controllableName}`.
   * @throws {ValidationError} before any request when `controllableName` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceControllable(controllableName: string, options?: RequestOptions): Promise<Definition> {
    return this.ctx.kit.call("getReferenceControllable", { path: { controllableName: checkedId("controllableName", controllableName) } }, options);
  }

  /**
   * Definition of a UI profile.
   * `GET /reference/ui/profile/{profileName}`.
   * @throws {ValidationError} before any request when `profileName` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceUiProfile(profileName: string, options?: RequestOptions): Promise<UIProfileDefinition> {
    return this.ctx.kit.call("getReferenceUiProfile", { path: { profileName: checkedId("profileName", profileName) } }, options);
  }
}
