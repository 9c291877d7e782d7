import { type RequestOptions, Resource, readingInput } from "@openapp/core";
import type { OverkizContext } from "../context.js";
import type { CommandInput } from "../models/commands.js";
import type { Device } from "../models/device.js";
import type { CatalogueProfile, CommandName, ProfileCommandName, ProfileCommandParameters } from "../models/names.js";
import type { State } from "../models/state.js";
import { DevicesResource } from "./devices.js";
import { type ExecuteParams, ExecutionsResource } from "./executions.js";

/** Command names a handle offers: its profiles' commands first (autocompleted), any other name too. */
export type HandleCommandName<P extends CatalogueProfile> = [P] extends [never] ? CommandName : ProfileCommandName<P> | (string & {});

/** The parameters of `C`: the tuple the profiles state for it, else any JSON values. */
export type HandleCommandParameters<P extends CatalogueProfile, C extends string> = [P] extends [never]
  ? unknown[]
  : C extends ProfileCommandName<P>
    ? ProfileCommandParameters<P, C>
    : unknown[];

/** One device: commands checked against its definition and profiles (when known), then sent. */
export interface DeviceHandle<P extends CatalogueProfile = never> {
  /** URL of the device this handle acts on. */
  readonly deviceURL: string;
  /** The device model when the handle was made from one or the device list is loaded. */
  readonly device: Device | undefined;
  /** `execute("setClosure", 40)`; returns the execution id. */
  execute<C extends HandleCommandName<P>>(name: C, ...parameters: HandleCommandParameters<P, C>): Promise<string>;
  /** Several commands in one execution, in order. */
  executeCommands(commands: ReadonlyArray<CommandInput | CommandName>, params?: Omit<ExecuteParams, "devices">, options?: RequestOptions): Promise<string>;
  /** The device's current states from the server. */
  getStates(options?: RequestOptions): Promise<State[]>;
  /** Asks the device to report its states (`POST /setup/devices/{deviceURL}/states/refresh`); they arrive as events. */
  refreshStates(options?: RequestOptions): Promise<void>;
}

/** What a handle sends through: the client's resources, on its context. */
interface HandleResources {
  executions: ExecutionsResource;
  devices: DevicesResource;
}

function createHandle<P extends CatalogueProfile>(ctx: OverkizContext, resources: HandleResources, target: string | Device): DeviceHandle<P> {
  const given = typeof target === "string" ? undefined : target;
  const deviceURL = readingInput("The device", () => (typeof target === "string" ? target : target?.deviceURL));
  const lookup = () => given ?? ctx.cache.devices?.find((device) => device.deviceURL === deviceURL);
  const executeCommands = async (commands: ReadonlyArray<CommandInput | CommandName>, params?: Omit<ExecuteParams, "devices">, options?: RequestOptions) => {
    const known = lookup();
    const checked = readingInput("The execution parameters", () => ({ ...params }));
    return resources.executions.executeActionGroup([{ deviceURL, commands }], { ...checked, ...(known ? { devices: [known] } : {}) }, options);
  };
  return {
    deviceURL,
    get device() {
      return lookup();
    },
    execute(name: string, ...parameters: unknown[]) {
      return executeCommands([{ name, parameters }]);
    },
    executeCommands,
    getStates: (options?: RequestOptions) => resources.devices.getState(deviceURL, options),
    refreshStates: (options?: RequestOptions) => resources.devices.refreshDeviceStates(deviceURL, options),
  } as DeviceHandle<P>;
}

/** Handles on single devices (`client.device(url)`). */
export class DeviceHandleResource extends Resource<OverkizContext> {
  /**
   * A handle on one device: `client.device(url).execute("setClosure", 40)`. Pass UI profile names
   * as the type parameter (`client.device<"StatefulCloseableShutter">(url)`) to get that profile's
   * commands autocompleted with their parameter types. Commands are checked against the device when
   * it is known (given, or loaded by `getSetup()`/`getDevices()`).
   */
  device<P extends CatalogueProfile = never>(target: string | Device): DeviceHandle<P> {
    return createHandle<P>(this.ctx, { executions: new ExecutionsResource(this.ctx), devices: new DevicesResource(this.ctx) }, target);
  }
}
