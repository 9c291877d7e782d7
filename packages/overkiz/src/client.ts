import type { RequestOptions } from "@openapp/core";
import type { AuthStrategy, DirectoryGateway } from "./auth/strategy.js";
import { ClientCore, type OverkizClientOptions } from "./internal/client-core.js";
import type { ActionInput } from "./models/commands.js";
import type { Device } from "./models/device.js";
import type { OverkizEvent } from "./models/events.js";
import type { Execution } from "./models/execution.js";
import type { Setup } from "./models/setup.js";
import type { State } from "./models/state.js";
import * as actionGroups from "./resources/action-groups.js";
import * as devices from "./resources/devices.js";
import * as events from "./resources/events.js";
import * as executions from "./resources/executions.js";
import * as firmware from "./resources/firmware.js";
import * as gateways from "./resources/gateways.js";
import * as localTokens from "./resources/local-tokens.js";
import * as reference from "./resources/reference.js";
import * as setup from "./resources/setup.js";
import type { ServerConfig } from "./servers.js";
import type {
  ControllableType,
  Definition,
  DeviceSearchCriteria,
  DeviceSearchResult,
  FirmwareStatus,
  Gateway,
  HistoryExecution,
  LocalToken,
  ManufacturerReference,
  Option,
  OptionParameter,
  PersistedActionGroup,
  Place,
  ProtocolType,
  Timezone,
  UIProfileDefinition,
} from "./types.js";

export type { OverkizClientOptions } from "./internal/client-core.js";

type Refresh = { refresh?: boolean | undefined };
type DeviceUrls = { deviceURLs?: readonly string[] | undefined };

/**
 * Client for the Overkiz end-user API (cloud servers and the local gateway API).
 *
 * ```ts
 * const client = new OverkizClient({ server: "somfy_america", credentials: { username, password } });
 * await client.login();
 * const { devices } = await client.getSetup();
 * ```
 */
export class OverkizClient {
  readonly #core: ClientCore;

  constructor(options: OverkizClientOptions) {
    this.#core = new ClientCore(options);
  }

  get server(): ServerConfig {
    return this.#core.server;
  }

  get auth(): AuthStrategy {
    return this.#core.strategy;
  }

  /** The registered event listener, if any. */
  get eventListenerId(): string | undefined {
    return this.#core.listenerId;
  }

  // Session ---------------------------------------------------------------------------------

  /** Opens the session (or checks the token). Called automatically before the first request. */
  login(options?: RequestOptions): Promise<void> {
    return this.#core.login(options);
  }

  /** Protocol version of the API, e.g. `2024.4.2-7`; the local API answers it without auth. */
  async getApiVersion(options?: RequestOptions): Promise<string> {
    const answer = await this.#core.callAnonymous((fetch) => this.#core.raw.GET("/apiVersion", { fetch }), options);
    return answer.protocolVersion;
  }

  /**
   * Sends what the action queue holds, then unregisters the event listener, releases the auth
   * strategy and forgets cached answers.
   */
  async close(options?: RequestOptions): Promise<void> {
    await this.#core.actionQueue?.flush();
    try {
      if (this.#core.listenerId !== undefined) await events.unregisterEventListener(this.#core, options);
    } catch (error) {
      this.#core.logger.warn("could not unregister the event listener", { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      this.#core.listenerId = undefined;
      this.#core.resetCache();
      await this.#core.strategy.close?.();
    }
  }

  /** Gateways of the account (Rexel's directory); works before a gateway is chosen. */
  discoverGateways(options?: RequestOptions): Promise<DirectoryGateway[]> {
    return this.#core.discoverGateways(options);
  }

  /** The gateway every following call is for (Rexel); sent as the `gatewayId` header. */
  selectGateway(gatewayId: string): void {
    this.#core.selectGateway(gatewayId);
  }

  // Setup -----------------------------------------------------------------------------------

  /** The whole installation; cached after the first call (`{ refresh: true }` reads it again). */
  getSetup(params?: setup.GetSetupParams, options?: RequestOptions): Promise<Setup> {
    return setup.getSetup(this.#core, params, options);
  }

  /** Raw setup and action groups for bug reports, masked unless `maskSensitiveData: false`. */
  getDiagnosticData(params?: { maskSensitiveData?: boolean | undefined }, options?: RequestOptions): Promise<setup.DiagnosticData> {
    return setup.getDiagnosticData(this.#core, params, options);
  }

  getPlaces(options?: RequestOptions): Promise<Place> {
    return setup.getPlaces(this.#core, options);
  }

  getSetupOptions(options?: RequestOptions): Promise<Option[]> {
    return setup.getSetupOptions(this.#core, options);
  }

  getSetupOption(optionId: string, options?: RequestOptions): Promise<Option | null> {
    return setup.getSetupOption(this.#core, optionId, options);
  }

  getSetupOptionParameter(optionId: string, parameterName: string, options?: RequestOptions): Promise<OptionParameter | null> {
    return setup.getSetupOptionParameter(this.#core, optionId, parameterName, options);
  }

  // Devices ---------------------------------------------------------------------------------

  /** All devices; cached (devices that cannot be modelled are skipped with a warning). */
  getDevices(params?: Refresh, options?: RequestOptions): Promise<Device[]> {
    return devices.getDevices(this.#core, params, options);
  }

  getDevice(deviceURL: string, options?: RequestOptions): Promise<Device> {
    return devices.getDevice(this.#core, deviceURL, options);
  }

  getDeviceDefinition(deviceURL: string, options?: RequestOptions): Promise<Definition> {
    return devices.getDeviceDefinition(this.#core, deviceURL, options);
  }

  /** Current states of a device. */
  getState(deviceURL: string, options?: RequestOptions): Promise<State[]> {
    return devices.getState(this.#core, deviceURL, options);
  }

  /** One state of a device (local API). */
  getDeviceState(deviceURL: string, stateName: string, options?: RequestOptions): Promise<State> {
    return devices.getDeviceState(this.#core, deviceURL, stateName, options);
  }

  refreshStates(params?: DeviceUrls, options?: RequestOptions): Promise<void> {
    return devices.refreshStates(this.#core, params, options);
  }

  refreshDeviceStates(deviceURL: string, options?: RequestOptions): Promise<void> {
    return devices.refreshDeviceStates(this.#core, deviceURL, options);
  }

  getDeviceControllables(options?: RequestOptions): Promise<Record<string, string[]>> {
    return devices.getDeviceControllables(this.#core, options);
  }

  /** Device URLs of one controllable (local API). */
  getDevicesByControllable(controllableName: string, options?: RequestOptions): Promise<string[]> {
    return devices.getDevicesByControllable(this.#core, controllableName, options);
  }

  getDeviceControllableDefinition(deviceURL: string, options?: RequestOptions): Promise<Definition> {
    return devices.getDeviceControllableDefinition(this.#core, deviceURL, options);
  }

  getDeviceAlternativeControllables(deviceURL: string, options?: RequestOptions): Promise<string[]> {
    return devices.getDeviceAlternativeControllables(this.#core, deviceURL, options);
  }

  getDeviceManufacturerReferences(deviceURL: string, options?: RequestOptions): Promise<ManufacturerReference[]> {
    return devices.getDeviceManufacturerReferences(this.#core, deviceURL, options);
  }

  // Firmware --------------------------------------------------------------------------------

  getDevicesNotUpToDate(options?: RequestOptions): Promise<string[]> {
    return firmware.getDevicesNotUpToDate(this.#core, options);
  }

  getDeviceFirmwareStatus(deviceURL: string, options?: RequestOptions): Promise<FirmwareStatus | null> {
    return firmware.getDeviceFirmwareStatus(this.#core, deviceURL, options);
  }

  getDeviceFirmwareUpdateCapability(deviceURL: string, options?: RequestOptions): Promise<boolean> {
    return firmware.getDeviceFirmwareUpdateCapability(this.#core, deviceURL, options);
  }

  updateDeviceFirmware(deviceURL: string, options?: RequestOptions): Promise<void> {
    return firmware.updateDeviceFirmware(this.#core, deviceURL, options);
  }

  updateAllDeviceFirmwares(params?: DeviceUrls, options?: RequestOptions): Promise<void> {
    return firmware.updateAllDeviceFirmwares(this.#core, params, options);
  }

  // Gateways --------------------------------------------------------------------------------

  getGateways(params?: Refresh, options?: RequestOptions): Promise<Gateway[]> {
    return gateways.getGateways(this.#core, params, options);
  }

  getDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<boolean> {
    return gateways.getDeveloperMode(this.#core, gatewayId, options);
  }

  activateDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<void> {
    return gateways.activateDeveloperMode(this.#core, gatewayId, options);
  }

  deactivateDeveloperMode(gatewayId: string, options?: RequestOptions): Promise<void> {
    return gateways.deactivateDeveloperMode(this.#core, gatewayId, options);
  }

  // Events ----------------------------------------------------------------------------------

  registerEventListener(options?: RequestOptions): Promise<string> {
    return events.registerEventListener(this.#core, options);
  }

  /** Events since the previous fetch; registers (and re-registers an expired) listener itself. */
  fetchEvents(options?: RequestOptions): Promise<OverkizEvent[]> {
    return events.fetchEvents(this.#core, options);
  }

  unregisterEventListener(options?: RequestOptions): Promise<void> {
    return events.unregisterEventListener(this.#core, options);
  }

  /**
   * Events one by one, polling at most once per `interval` seconds (default 1):
   * `for await (const event of client.events({ signal })) { … }`. Expired listeners, token
   * refreshes, "too many concurrent requests" and an expired session are handled underneath; the
   * listener is unregistered when the loop ends (break, abort or error). One loop per client.
   */
  events(params?: events.EventStreamParams): AsyncGenerator<OverkizEvent, void, undefined> {
    return events.streamEvents(this.#core, params);
  }

  // Executions ------------------------------------------------------------------------------

  /**
   * Runs commands now; returns the execution id. At most one action per device. With the
   * action queue on, calls within its window are merged and share one execution id; per-call
   * options then only contribute their `signal`.
   */
  executeActionGroup(actions: readonly ActionInput[], params?: executions.ExecuteParams, options?: RequestOptions): Promise<string> {
    return executions.executeActionGroup(this.#core, actions, params, options);
  }

  /** Sends the queued executions now and waits for their answers (no-op without a queue). */
  async flushActionQueue(): Promise<void> {
    await this.#core.actionQueue?.flush();
  }

  /** Devices waiting in the action queue's next execution. */
  get pendingActionsCount(): number {
    return this.#core.actionQueue?.pendingCount ?? 0;
  }

  getCurrentExecution(execId: string, options?: RequestOptions): Promise<Execution | null> {
    return executions.getCurrentExecution(this.#core, execId, options);
  }

  getCurrentExecutions(options?: RequestOptions): Promise<Execution[]> {
    return executions.getCurrentExecutions(this.#core, options);
  }

  cancelExecution(execId: string, options?: RequestOptions): Promise<void> {
    return executions.cancelExecution(this.#core, execId, options);
  }

  /** Cancels every running execution (local API). */
  cancelAllExecutions(options?: RequestOptions): Promise<void> {
    return executions.cancelAllExecutions(this.#core, options);
  }

  getExecutionHistory(options?: RequestOptions): Promise<HistoryExecution[]> {
    return executions.getExecutionHistory(this.#core, options);
  }

  // Action groups ---------------------------------------------------------------------------

  getActionGroups(options?: RequestOptions): Promise<PersistedActionGroup[]> {
    return actionGroups.getActionGroups(this.#core, options);
  }

  executePersistedActionGroup(actionGroupOID: string, options?: RequestOptions): Promise<string> {
    return actionGroups.executePersistedActionGroup(this.#core, actionGroupOID, options);
  }

  /** `when` is a Date or epoch seconds; returns the trigger id. */
  schedulePersistedActionGroup(actionGroupOID: string, when: Date | number, options?: RequestOptions): Promise<string> {
    return actionGroups.schedulePersistedActionGroup(this.#core, actionGroupOID, when, options);
  }

  // Reference data --------------------------------------------------------------------------

  getReferenceControllable(controllableName: string, options?: RequestOptions): Promise<Definition> {
    return reference.getReferenceControllable(this.#core, controllableName, options);
  }

  getReferenceControllableTypes(options?: RequestOptions): Promise<ControllableType[]> {
    return reference.getReferenceControllableTypes(this.#core, options);
  }

  searchReferenceDevices(criteria: DeviceSearchCriteria, options?: RequestOptions): Promise<DeviceSearchResult> {
    return reference.searchReferenceDevices(this.#core, criteria, options);
  }

  getReferenceProtocolTypes(options?: RequestOptions): Promise<ProtocolType[]> {
    return reference.getReferenceProtocolTypes(this.#core, options);
  }

  getReferenceTimezones(options?: RequestOptions): Promise<Timezone[]> {
    return reference.getReferenceTimezones(this.#core, options);
  }

  getReferenceUiClasses(options?: RequestOptions): Promise<string[]> {
    return reference.getReferenceUiClasses(this.#core, options);
  }

  getReferenceUiClassifiers(options?: RequestOptions): Promise<string[]> {
    return reference.getReferenceUiClassifiers(this.#core, options);
  }

  getReferenceUiProfile(profileName: string, options?: RequestOptions): Promise<UIProfileDefinition> {
    return reference.getReferenceUiProfile(this.#core, profileName, options);
  }

  getReferenceUiProfileNames(options?: RequestOptions): Promise<string[]> {
    return reference.getReferenceUiProfileNames(this.#core, options);
  }

  getReferenceUiWidgets(options?: RequestOptions): Promise<string[]> {
    return reference.getReferenceUiWidgets(this.#core, options);
  }

  // Local API tokens (managed through the cloud) --------------------------------------------

  generateLocalToken(gatewayId: string, options?: RequestOptions): Promise<string> {
    return localTokens.generateLocalToken(this.#core, gatewayId, options);
  }

  activateLocalToken(gatewayId: string, activation: localTokens.LocalTokenActivation, options?: RequestOptions): Promise<string> {
    return localTokens.activateLocalToken(this.#core, gatewayId, activation, options);
  }

  getLocalTokens(gatewayId: string, params?: { scope?: string | undefined }, options?: RequestOptions): Promise<LocalToken[]> {
    return localTokens.getLocalTokens(this.#core, gatewayId, params, options);
  }

  deleteLocalToken(gatewayId: string, uuid: string, options?: RequestOptions): Promise<void> {
    return localTokens.deleteLocalToken(this.#core, gatewayId, uuid, options);
  }

  /** Experimental. */
  openLocalPairing(gatewayId: string, options?: RequestOptions): Promise<void> {
    return localTokens.openLocalPairing(this.#core, gatewayId, options);
  }
}
