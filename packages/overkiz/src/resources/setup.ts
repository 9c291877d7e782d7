import type { RequestOptions } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import { obfuscateSensitiveData } from "../models/diagnostics.js";
import { isEmptyAnswer } from "../models/execution.js";
import { type Setup, parseSetup } from "../models/setup.js";
import type { Option, OptionParameter, Place } from "../types.js";
import { checkedId } from "./shared.js";

export interface GetSetupParams {
  /** Ignore the cached setup and read it again (rate-limited by the server: use sparingly). */
  refresh?: boolean | undefined;
}

/** Raw `/setup` and `/actionGroups` answers for bug reports. */
export interface DiagnosticData {
  setup: unknown;
  actionGroups: unknown;
}

async function loadSetup(core: ClientCore, options?: RequestOptions): Promise<Setup> {
  const raw = await core.call((fetch) => core.raw.GET("/setup", { fetch }), options);
  const setup = parseSetup(raw, core.logger);
  core.cache.setup = setup;
  core.cache.devices = setup.devices;
  core.cache.gateways = setup.gateways;
  return setup;
}

export async function getSetup(core: ClientCore, params: GetSetupParams = {}, options?: RequestOptions): Promise<Setup> {
  if (params.refresh) return loadSetup(core, options);
  if (core.cache.setup) return core.cache.setup;
  // Concurrent first calls share one request: /setup is the most rate-limited read.
  core.cache.setupLoading ??= loadSetup(core, options).finally(() => {
    core.cache.setupLoading = undefined;
  });
  return core.cache.setupLoading;
}

export async function getDiagnosticData(
  core: ClientCore,
  params: { maskSensitiveData?: boolean | undefined } = {},
  options?: RequestOptions,
): Promise<DiagnosticData> {
  const [setup, actionGroups] = await Promise.all([
    core.call((fetch) => core.raw.GET("/setup", { fetch }), options),
    core.call((fetch) => core.raw.GET("/actionGroups", { fetch }), options),
  ]);
  const data: DiagnosticData = { setup, actionGroups };
  return params.maskSensitiveData === false ? data : obfuscateSensitiveData(data);
}

export function getPlaces(core: ClientCore, options?: RequestOptions): Promise<Place> {
  return core.call((fetch) => core.raw.GET("/setup/places", { fetch }), options);
}

export async function getSetupOptions(core: ClientCore, options?: RequestOptions): Promise<Option[]> {
  return core.call((fetch) => core.raw.GET("/setup/options", { fetch }), options);
}

/** Null for an option the setup does not have (the cloud answers `{}`). */
export async function getSetupOption(core: ClientCore, optionId: string, options?: RequestOptions): Promise<Option | null> {
  const path = { optionId: checkedId("optionId", optionId) };
  const option = await core.call((fetch) => core.raw.GET("/setup/options/{optionId}", { params: { path }, fetch }), options);
  return isEmptyAnswer(option) ? null : (option as Option);
}

export async function getSetupOptionParameter(
  core: ClientCore,
  optionId: string,
  parameterName: string,
  options?: RequestOptions,
): Promise<OptionParameter | null> {
  const path = { optionId: checkedId("optionId", optionId), parameterName: checkedId("parameterName", parameterName) };
  const parameter = await core.call(
    (fetch) => core.raw.GET("/setup/options/{optionId}/{parameterName}", { params: { path }, fetch }),
    options,
  );
  return isEmptyAnswer(parameter) ? null : (parameter as OptionParameter);
}
