import { type RequestOptions, ValidationError, readingInput, shown } from "@openapp/core";
import { announceSent } from "../context.js";
import { DevicesOperations } from "../generated/resources.js";
import { type WaitForStateOptions, waitForState } from "../internal/wait-for-state.js";
import {
  type DeviceChanges,
  type DeviceSubscription,
  type DeviceWatcher,
  type WatchDevicesOptions,
  onDeviceChanges,
  watchDevices,
} from "../internal/watch-devices.js";
import { type ConfigurationPatch, compactConfigurationPatch } from "../models/configuration.js";
import type { Device, DeviceUpdate } from "../models/device.js";

/** Devices, their configuration, and waiting for or watching their state. */
export class DevicesResource extends DevicesOperations {
  /**
   * Rename a device (`{ name }`) or move it to another group (`{ groupId }`).
   * `PATCH /device/{deviceId}`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when `update` names neither.
   */
  async updateDevice(deviceId: string, update: DeviceUpdate, options?: RequestOptions): Promise<Device> {
    const body = readingInput("The update", () => ({ ...update }));
    if (Object.values(body).every((value) => value === undefined)) {
      throw new ValidationError("updateDevice needs a name or a groupId");
    }
    return this.ctx.kit.call("updateDevice", { path: { deviceId }, body }, options);
  }

  /**
   * Send only the fields that change, e.g. `{ door: { openTime: "06:45" } }`; the device applies them
   * at its next check-in.
   * `PATCH /device/{deviceId}/configuration`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when the patch is not an object, is empty, or sets a field to `null`.
   */
  async updateConfiguration(deviceId: string, patch: ConfigurationPatch, options?: RequestOptions): Promise<void> {
    const body = compactConfigurationPatch(patch);
    try {
      await this.ctx.kit.call("updateConfiguration", { path: { deviceId }, body }, options);
    } finally {
      announceSent(this.ctx);
    }
  }

  /**
   * Ask every device to stay connected for `durationSeconds` so commands land quickly.
   * `POST /keepalive`.
   * Errors: see {@link OmletClient}.
   * @throws {ValidationError} before any request when `durationSeconds` is not a positive whole number.
   */
  async keepAlive(durationSeconds: number, options?: RequestOptions): Promise<void> {
    if (!Number.isInteger(durationSeconds) || durationSeconds < 1) {
      throw new ValidationError(`keepAlive duration must be a positive whole number of seconds, got ${shown(durationSeconds)}`);
    }
    await this.ctx.kit.call("keepAlive", { body: { duration: durationSeconds } }, options);
  }

  /**
   * Poll until `predicate` holds on a settled reading: pending values (`openpending`, `closing`...)
   * are never final, so the predicate only sees devices that have reported back.
   * `GET /device/{deviceId}` per poll.
   * Errors: see {@link OmletClient}, for each poll.
   * @throws {StateTimeoutError} when the wait runs past `maxWaitMs`.
   * @throws {ConfigError} before any request when an option is invalid.
   */
  waitForState(deviceId: string, predicate: (device: Device) => boolean, options?: WaitForStateOptions): Promise<Device> {
    return waitForState((poll) => this.getDeviceById(deviceId, poll), deviceId, predicate, options);
  }

  /**
   * Polls `getDevices` (every 5 min by default, 1.5 s and 5 s after each action sent through
   * this client, at once on `notify(webhookEvent)`) and yields what changed. Never sends an action.
   * `GET /device` per poll.
   *
   * ```ts
   * for await (const { changes } of omlet.watchDevices({ signal })) console.log(changes);
   * ```
   * @throws {ConfigError} when `intervalMs` or `followUpDelaysMs` is out of range.
   */
  watchDevices(options?: WatchDevicesOptions): DeviceWatcher {
    return watchDevices(this.ctx, (read) => this.getDevices(read), options);
  }

  /**
   * The callback form of `watchDevices`: `stop()` it, or pass a `signal`. `GET /device` per poll.
   * @throws {ConfigError} when `listener` is not a function or an option is out of range.
   */
  onDeviceChanges(listener: (changes: DeviceChanges) => void | Promise<void>, options?: WatchDevicesOptions): DeviceSubscription {
    return onDeviceChanges(this.ctx, (read) => this.getDevices(read), listener, options);
  }
}
