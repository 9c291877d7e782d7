import { type RequestOptions, Resource } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import { obfuscateSensitiveData } from "../models/diagnostics.js";
import { isEmptyAnswer } from "../models/execution.js";
import { type Setup, parseSetup } from "../models/setup.js";
import { type Option, type OptionParameter, parseOption } from "../models/option.js";
import { type Place, parsePlace } from "../models/place.js";
import { checkedId, checkedParams } from "./shared.js";

/** Options of `getSetup()`. */
export interface GetSetupParams {
  /** Ignore the cached setup and read it again (rate-limited by the server: use sparingly). */
  refresh?: boolean | undefined;
}

/** Options of `getDiagnosticData()`. */
export interface DiagnosticParams {
  /** `false` returns the answers unmasked. */
  maskSensitiveData?: boolean | undefined;
}

/** Raw `/setup` and `/actionGroups` answers for bug reports. */
export interface DiagnosticData {
  /** The `/setup` answer. */
  setup: unknown;
  /** The `/actionGroups` answer. */
  actionGroups: unknown;
}

/** Reads `/setup` and keeps it, with its devices and gateways, in the client's cache. */
async function loadSetup(ctx: OverkizContext, options?: RequestOptions): Promise<Setup> {
  const setup = parseSetup(await ctx.kit.call("getSetup", {}, options), ctx.logger);
  ctx.cache.setup = setup;
  ctx.cache.devices = setup.devices;
  ctx.cache.gateways = setup.gateways;
  return setup;
}

export class SetupResource extends Resource<OverkizContext> {
  /** The whole installation; cached after the first call (`{ refresh: true }` reads it again). */
  async getSetup(params?: GetSetupParams, options?: RequestOptions): Promise<Setup> {
    const { refresh } = checkedParams(params, "getSetup", ["refresh"]);
    if (refresh) return loadSetup(this.ctx, options);
    if (this.ctx.cache.setup) return this.ctx.cache.setup;
    // Concurrent first calls share one request: /setup is the most rate-limited read.
    this.ctx.cache.setupLoading ??= loadSetup(this.ctx, options).finally(() => {
      this.ctx.cache.setupLoading = undefined;
    });
    return this.ctx.cache.setupLoading;
  }

  /** Raw setup and action groups for bug reports, masked unless `maskSensitiveData: false`. */
  async getDiagnosticData(params?: DiagnosticParams, options?: RequestOptions): Promise<DiagnosticData> {
    const { maskSensitiveData } = checkedParams(params, "getDiagnosticData", ["maskSensitiveData"]);
    const [setup, actionGroups] = await Promise.all([this.ctx.kit.call("getSetup", {}, options), this.ctx.kit.call("getActionGroups", {}, options)]);
    const data: DiagnosticData = { setup, actionGroups };
    return maskSensitiveData === false ? data : obfuscateSensitiveData(data);
  }

  /**
   * The root place with its nested `subPlaces` (always an array).
   * `GET /setup/places`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getPlaces(options?: RequestOptions): Promise<Place> {
    return parsePlace(await this.ctx.kit.call("getPlaces", {}, options));
  }

  /**
   * Options of the setup.
   * `GET /setup/options`.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getSetupOptions(options?: RequestOptions): Promise<Option[]> {
    const answer = await this.ctx.kit.call("getSetupOptions", {}, options);
    return (Array.isArray(answer) ? answer : []).map(parseOption);
  }

  /**
   * Null for an option the setup does not have (the cloud answers `{}`).
   * `GET /setup/options/{optionId}`.
   * @throws {ValidationError} before any request when `optionId` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getSetupOption(optionId: string, options?: RequestOptions): Promise<Option | null> {
    const option = await this.ctx.kit.call("getSetupOption", { path: { optionId: checkedId("optionId", optionId) } }, options);
    return isEmptyAnswer(option) ? null : parseOption(option as Parameters<typeof parseOption>[0]);
  }

  /**
   * One parameter of an option.
   * `GET /setup/options/{optionId}/{parameterName}`.
   * @throws {ValidationError} before any request when `optionId` is empty, or `parameterName` is empty.
   * @throws {BadCredentialsError} when the login made first (when not signed in) is refused.
   * @throws {BaseOverkizError} for an error answer.
   */
  async getSetupOptionParameter(optionId: string, parameterName: string, options?: RequestOptions): Promise<OptionParameter | null> {
    const path = { optionId: checkedId("optionId", optionId), parameterName: checkedId("parameterName", parameterName) };
    const parameter = await this.ctx.kit.call("getSetupOptionParameter", { path }, options);
    return isEmptyAnswer(parameter) ? null : (parameter as OptionParameter);
  }
}
