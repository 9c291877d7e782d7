import { Resource, type RequestOptions, ValidationError, checkedRequestOptions, readingInput } from "@openapp/core";
import { type OmletContext, announceSent } from "../context.js";
import { type Action, type ActionInput, type ActionResult, type ActionTarget, actionTarget, requireAction } from "../models/action.js";
import {
  type ActionTargets,
  type Control,
  type ControlOptions,
  type ControlSpec,
  DOOR,
  type DoorControl,
  FAN,
  FEEDER,
  type FanControl,
  type FeederControl,
  LIGHT,
  type LightControl,
  assertControllable,
  skippedAction,
} from "../models/control.js";
import type { Device } from "../models/device.js";

function resolveTarget(input: ActionInput, baseUrl: string): ActionTarget {
  // Either shape may arrive from plain JavaScript, so read the fields defensively.
  const fields = (input ?? {}) as { url?: unknown; deviceId?: unknown; actionName?: unknown };
  if (typeof fields.url === "string") {
    const target = actionTarget(input as Action, baseUrl);
    // A device object whose action points elsewhere would move the wrong door.
    if (typeof fields.deviceId === "string" && fields.deviceId !== target.deviceId) {
      throw new ValidationError(`Action url targets device ${target.deviceId}, not ${fields.deviceId}`);
    }
    return target;
  }
  if (typeof fields.deviceId === "string" && typeof fields.actionName === "string") {
    return { deviceId: fields.deviceId, actionName: fields.actionName };
  }
  throw new ValidationError("performAction needs an action from device.actions or { deviceId, actionName }");
}

/** What a control sends its actions through: the client's own `performAction`. */
interface Sender {
  performAction(action: ActionInput, options?: RequestOptions): Promise<ActionResult>;
}

/** One action of a control: `skipIfAlready` may answer without sending, else the action is queued. */
async function runControl(sender: Sender, device: Device, spec: ControlSpec<ActionTargets>, actionName: string, options: ControlOptions = {}): Promise<ActionResult> {
  const { skipIfAlready, ...requestOptions } = checkedRequestOptions(options, `omlet ${actionName}`) as ControlOptions;
  const action = requireAction(device, actionName);
  const skipped = skipIfAlready ? skippedAction(device, spec, actionName, action) : undefined;
  return skipped ?? sender.performAction({ ...action, deviceId: device.deviceId }, requestOptions);
}

/** A frozen object with one method per action of `spec`, after checking the device is of its type. */
function control<A extends ActionTargets>(sender: Sender, device: Device, spec: ControlSpec<A>): Control<A> {
  readingInput("The device", () => assertControllable(device, spec));
  const entries = Object.keys(spec.actions).map((actionName) => [
    actionName,
    (options?: ControlOptions) => runControl(sender, device, spec, actionName, options),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as Control<A>;
}

/** Queueing device actions, one at a time or through hardware-shaped controls. */
export class ActionsResource extends Resource<OmletContext> {
  /**
   * Queue an action: an entry of `device.actions`, or `{ deviceId, actionName }`. Success means accepted,
   * not done; never retried once it may have reached the server.
   * `POST /device/{deviceId}/action/{action}`.
   * Errors: see {@link OmletClient} (`NotFoundError` for an unknown id).
   * @throws {ValidationError} before any request when the input is neither shape, or its url is not a device action path under the client's base URL.
   */
  async performAction(action: ActionInput, options?: RequestOptions): Promise<ActionResult> {
    const { deviceId, actionName } = readingInput("The action", () => resolveTarget(action, this.ctx.kit.baseUrl));
    let context: Awaited<ReturnType<typeof this.ctx.kit.call<"performAction">>>;
    try {
      context = await this.ctx.kit.call("performAction", { path: { deviceId, action: actionName } }, options);
    } finally {
      // Even a failed or timed-out action may have been queued: let watchers look.
      announceSent(this.ctx);
    }
    const { pendingValue } = action as Partial<Action>;
    return {
      deviceId,
      actionName,
      skipped: false,
      reason: undefined,
      pendingValue: typeof pendingValue === "string" ? pendingValue : null,
      context: context ?? undefined,
    };
  }

  /**
   * Open, close or stop an Autodoor's door: each method queues that action (`POST /device/{deviceId}/action/{action}`);
   * `skipIfAlready` sends nothing when the device object already shows the target.
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  door(device: Device): DoorControl {
    return control(this, device, DOOR);
  }

  /**
   * Turn an Autodoor's light on or off; each method queues that action (`POST /device/{deviceId}/action/{action}`).
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  light(device: Device): LightControl {
    return control(this, device, LIGHT);
  }

  /**
   * Turn a Fan on, off or to boost; each method queues that action (`POST /device/{deviceId}/action/{action}`).
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  fan(device: Device): FanControl {
    return control(this, device, FAN);
  }

  /**
   * Open or close a Feeder; each method queues that action (`POST /device/{deviceId}/action/{action}`).
   * @throws {ValidationError} at once when `device` is not a device object or is of another known type.
   */
  feeder(device: Device): FeederControl {
    return control(this, device, FEEDER);
  }
}
