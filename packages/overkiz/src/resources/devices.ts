import { type RequestOptions, ValidationError } from "@openapp/core";
import { DevicesOperations } from "../generated/resources.js";
import { Device, parseDevices } from "../models/device.js";
import { type RawState, State, parseStates } from "../models/state.js";
import type { Definition, ManufacturerReference } from "../models/wire-types.js";
import { checkedDeviceUrl, checkedId, checkedParams } from "./shared.js";

/** Options of `getDevices()`. */
export interface RefreshParams {
  /** Ignore the cached answer and read it again. */
  refresh?: boolean | undefined;
}

/** Options of `refreshStates()`. */
export interface DeviceUrlsParams {
  /** Only these devices (all when left out). */
  deviceURLs?: readonly string[] | undefined;
}

const devicePath = (deviceURL: string) => ({ deviceURL: checkedDeviceUrl(deviceURL) });

export class DevicesResource extends DevicesOperations {
  /**
   * All devices; cached (devices that cannot be modelled are skipped with a warning).
   * `GET /setup/devices`.
   * @throws {ValidationError} before any request when `params` has an unknown name.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getDevices(params?: RefreshParams, options?: RequestOptions): Promise<Device[]> {
    const { refresh } = checkedParams(params, "getDevices", ["refresh"]);
    if (!refresh && this.ctx.cache.devices) return this.ctx.cache.devices;
    this.ctx.cache.devices = parseDevices(await this.ctx.kit.call("getDevices", {}, options), this.ctx.logger);
    return this.ctx.cache.devices;
  }

  /**
   * One device.
   * `GET /setup/devices/{deviceURL}`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDevice(deviceURL: string, options?: RequestOptions): Promise<Device> {
    return Device.parse(await this.ctx.kit.call("getDevice", { path: devicePath(deviceURL) }, options), this.ctx.logger);
  }

  /**
   * Only the definition of a device; works for devices the Device model would refuse.
   * `GET /setup/devices/{deviceURL}`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDeviceDefinition(deviceURL: string, options?: RequestOptions): Promise<Definition> {
    const raw = await this.ctx.kit.call("getDevice", { path: devicePath(deviceURL) }, options);
    if (!raw.definition) throw new ValidationError(`Device ${deviceURL} has no definition`);
    return raw.definition;
  }

  /**
   * Current states of a device.
   * `GET /setup/devices/{deviceURL}/states`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getState(deviceURL: string, options?: RequestOptions): Promise<State[]> {
    return parseStates((await this.ctx.kit.call("getState", { path: devicePath(deviceURL) }, options)) as RawState[], this.ctx.logger);
  }

  /**
   * One state of a device (local API).
   * `GET /setup/devices/{deviceURL}/states/{stateName}`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL, or `stateName` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDeviceState(deviceURL: string, stateName: string, options?: RequestOptions): Promise<State> {
    const path = { ...devicePath(deviceURL), stateName: checkedId("stateName", stateName) };
    return State.from((await this.ctx.kit.call("getDeviceState", { path }, options)) as RawState);
  }

  /**
   * Asks devices to report their states; results arrive as events.
   * `POST /setup/devices/states/refresh`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL, or `params` has an unknown name.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async refreshStates(params?: DeviceUrlsParams, options?: RequestOptions): Promise<void> {
    const { deviceURLs } = checkedParams(params, "refreshStates", ["deviceURLs"]);
    await this.ctx.kit.call("refreshStates", { body: deviceURLs?.map(checkedDeviceUrl) }, options);
  }

  /**
   * Ask one device to report its states.
   * `POST /setup/devices/{deviceURL}/states/refresh`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async refreshDeviceStates(deviceURL: string, options?: RequestOptions): Promise<void> {
    await this.ctx.kit.call("refreshDeviceStates", { path: devicePath(deviceURL) }, options);
  }

  /**
   * Device URLs of one controllable (local API).
   * `GET /setup/devices/controllables/{controllableName}`.
   * @throws {ValidationError} before any request when `controllableName` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getDevicesByControllable(controllableName: string, options?: RequestOptions): Promise<string[]> {
    return this.ctx.kit.call("getDevicesByControllable", { path: { controllableName: checkedId("controllableName", controllableName) } }, options);
  }

  /**
   * Controllable definition of a device.
   * `GET /setup/devices/{deviceURL}/controllable`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDeviceControllableDefinition(deviceURL: string, options?: RequestOptions): Promise<Definition> {
    return this.ctx.kit.call("getDeviceControllableDefinition", { path: devicePath(deviceURL) }, options);
  }

  /**
   * Other controllables the device could be declared as.
   * `GET /setup/devices/{deviceURL}/alternativeControllables`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDeviceAlternativeControllables(deviceURL: string, options?: RequestOptions): Promise<string[]> {
    return this.ctx.kit.call("getDeviceAlternativeControllables", { path: devicePath(deviceURL) }, options);
  }

  /**
   * Manufacturer references of a device.
   * `GET /setup/devices/{deviceURL}/manufacturerReferences`.
   * @throws {ValidationError} before any request when `deviceURL` is not a valid device URL.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer (`NoSuchDeviceError` for an unknown device).
   */
  async getDeviceManufacturerReferences(deviceURL: string, options?: RequestOptions): Promise<ManufacturerReference[]> {
    return this.ctx.kit.call("getDeviceManufacturerReferences", { path: devicePath(deviceURL) }, options);
  }
}
