import { type RequestOptions, ValidationError } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import { Device, parseDevices } from "../models/device.js";
import { type RawState, State, parseStates } from "../models/state.js";
import type { Definition, ManufacturerReference } from "../types.js";
import { checkedDeviceUrl, checkedId } from "./shared.js";

export async function getDevices(core: ClientCore, params: { refresh?: boolean | undefined } = {}, options?: RequestOptions): Promise<Device[]> {
  if (!params.refresh && core.cache.devices) return core.cache.devices;
  const raw = await core.call((fetch) => core.raw.GET("/setup/devices", { fetch }), options);
  core.cache.devices = parseDevices(raw, core.logger);
  return core.cache.devices;
}

function devicePath(deviceURL: string) {
  return { deviceURL: checkedDeviceUrl(deviceURL) };
}

export async function getDevice(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<Device> {
  const path = devicePath(deviceURL);
  const raw = await core.call((fetch) => core.raw.GET("/setup/devices/{deviceURL}", { params: { path }, fetch }), options);
  return Device.parse(raw, core.logger);
}

/** Only the definition of a device; works for devices the Device model would refuse. */
export async function getDeviceDefinition(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<Definition> {
  const path = devicePath(deviceURL);
  const raw = await core.call((fetch) => core.raw.GET("/setup/devices/{deviceURL}", { params: { path }, fetch }), options);
  if (!raw.definition) throw new ValidationError(`Device ${deviceURL} has no definition`);
  return raw.definition;
}

export async function getState(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<State[]> {
  const path = devicePath(deviceURL);
  const raw = await core.call((fetch) => core.raw.GET("/setup/devices/{deviceURL}/states", { params: { path }, fetch }), options);
  return parseStates(raw as RawState[], core.logger);
}

/** One state of a device (local API). */
export async function getDeviceState(core: ClientCore, deviceURL: string, stateName: string, options?: RequestOptions): Promise<State> {
  const path = { ...devicePath(deviceURL), stateName: checkedId("stateName", stateName) };
  const raw = await core.call(
    (fetch) => core.raw.GET("/setup/devices/{deviceURL}/states/{stateName}", { params: { path }, fetch }),
    options,
  );
  return State.from(raw as RawState);
}

/** Asks devices to report their states; results arrive as events. */
export async function refreshStates(
  core: ClientCore,
  params: { deviceURLs?: readonly string[] | undefined } = {},
  options?: RequestOptions,
): Promise<void> {
  const body = params.deviceURLs?.map(checkedDeviceUrl);
  await core.call((fetch) => core.raw.POST("/setup/devices/states/refresh", { body, fetch }), options);
}

export async function refreshDeviceStates(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<void> {
  const path = devicePath(deviceURL);
  await core.call((fetch) => core.raw.POST("/setup/devices/{deviceURL}/states/refresh", { params: { path }, fetch }), options);
}

/** Controllable name → device URLs. */
export function getDeviceControllables(core: ClientCore, options?: RequestOptions): Promise<Record<string, string[]>> {
  return core.call((fetch) => core.raw.GET("/setup/devices/controllables", { fetch }), options);
}

/** Device URLs of one controllable (local API). */
export function getDevicesByControllable(core: ClientCore, controllableName: string, options?: RequestOptions): Promise<string[]> {
  const path = { controllableName: checkedId("controllableName", controllableName) };
  return core.call((fetch) => core.raw.GET("/setup/devices/controllables/{controllableName}", { params: { path }, fetch }), options);
}

export function getDeviceControllableDefinition(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<Definition> {
  const path = devicePath(deviceURL);
  return core.call((fetch) => core.raw.GET("/setup/devices/{deviceURL}/controllable", { params: { path }, fetch }), options);
}

export function getDeviceAlternativeControllables(core: ClientCore, deviceURL: string, options?: RequestOptions): Promise<string[]> {
  const path = devicePath(deviceURL);
  return core.call(
    (fetch) => core.raw.GET("/setup/devices/{deviceURL}/alternativeControllables", { params: { path }, fetch }),
    options,
  );
}

export function getDeviceManufacturerReferences(
  core: ClientCore,
  deviceURL: string,
  options?: RequestOptions,
): Promise<ManufacturerReference[]> {
  const path = devicePath(deviceURL);
  return core.call(
    (fetch) => core.raw.GET("/setup/devices/{deviceURL}/manufacturerReferences", { params: { path }, fetch }),
    options,
  );
}
