import { type RequestOptions, Resource } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import type {
  ControllableType,
  Definition,
  DeviceSearchCriteria,
  DeviceSearchResult,
  ProtocolType,
  Timezone,
  UIProfileDefinition,
} from "../models/wire-types.js";
import { checkedId } from "./shared.js";

export class ReferenceResource extends Resource<OverkizContext> {
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
   * Controllable types.
   * `GET /reference/controllableTypes`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceControllableTypes(options?: RequestOptions): Promise<ControllableType[]> {
    return this.ctx.kit.call("getReferenceControllableTypes", {}, options);
  }
  /**
   * Search the device-type catalogue.
   * `POST /reference/devices/search`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async searchReferenceDevices(criteria: DeviceSearchCriteria, options?: RequestOptions): Promise<DeviceSearchResult> {
    return this.ctx.kit.call("searchReferenceDevices", { body: criteria }, options);
  }
  /**
   * Protocols.
   * `GET /reference/protocolTypes`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceProtocolTypes(options?: RequestOptions): Promise<ProtocolType[]> {
    return this.ctx.kit.call("getReferenceProtocolTypes", {}, options);
  }
  /**
   * Time zones.
   * `GET /reference/timezones`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceTimezones(options?: RequestOptions): Promise<Timezone[]> {
    return this.ctx.kit.call("getReferenceTimezones", {}, options);
  }
  /**
   * UI classes.
   * `GET /reference/ui/classes`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceUiClasses(options?: RequestOptions): Promise<string[]> {
    return this.ctx.kit.call("getReferenceUiClasses", {}, options);
  }
  /**
   * UI classifiers.
   * `GET /reference/ui/classifiers`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceUiClassifiers(options?: RequestOptions): Promise<string[]> {
    return this.ctx.kit.call("getReferenceUiClassifiers", {}, options);
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
  /**
   * UI profile names.
   * `GET /reference/ui/profileNames`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceUiProfileNames(options?: RequestOptions): Promise<string[]> {
    return this.ctx.kit.call("getReferenceUiProfileNames", {}, options);
  }
  /**
   * UI widgets.
   * `GET /reference/ui/widgets`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getReferenceUiWidgets(options?: RequestOptions): Promise<string[]> {
    return this.ctx.kit.call("getReferenceUiWidgets", {}, options);
  }
}
