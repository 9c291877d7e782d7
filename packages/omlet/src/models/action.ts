import { ValidationError } from "@openapp/core";
import type { Device } from "./device.js";
import type { Result } from "./operation-types.js";

/** One entry of `device.actions`: a name and the url `performAction` posts to. */
export type Action = NonNullable<Device["actions"]>[number];
/** Extra context some servers return when they queue an action (usually there is none). */
export type ActionContext = Exclude<Result<"performAction">, undefined | void>;

/** What the typed action endpoint needs: `POST /device/{deviceId}/action/{action}`. */
export interface ActionTarget {
  /** The device the action belongs to. */
  deviceId: string;
  /** The action's name, e.g. `open`. */
  actionName: string;
}

/** An entry of `device.actions`, or the two names that identify one. */
export type ActionInput = Action | ActionTarget;

/** What `performAction` and the hardware controls resolve with. */
export interface ActionResult {
  /** The device the action was for. */
  deviceId: string;
  /** The action's name. */
  actionName: string;
  /** True when `skipIfAlready` found the device already there, so nothing was sent. */
  skipped: boolean;
  /** Why it was skipped. */
  reason: string | undefined;
  /** The state the section shows until the device reports back (`openpending`), when known. */
  pendingValue: string | null;
  /** Extra context when the server answered 200 with a body rather than 204. */
  context: ActionContext | undefined;
}

/**
 * The two forms an action url takes: `/device/{id}/action/{name}` (the API's operation) and
 * `/device/{id}/{name}` (the vendor spec's own `Action.url` example). Both go to the operation.
 */
const ACTION_PATHS = [/^\/device\/([^/]+)\/action\/([^/]+)\/?$/, /^\/device\/([^/]+)\/([^/]+)\/?$/];
/** Device sub-resources that the short form would otherwise read as action names. */
const NOT_ACTION_NAMES = new Set(["action", "configuration"]);
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** The names of the actions the device offers, in its order. */
export function availableActionNames(device: Device): string[] {
  return (device.actions ?? []).map((action) => action.actionName).filter((name): name is string => typeof name === "string");
}

/** The device's action with this name, or undefined. */
export function findAction(device: Device, actionName: string): Action | undefined {
  return (device.actions ?? []).find((action) => action.actionName === actionName);
}

/** The named action, or a ValidationError that lists what the device does offer. */
export function requireAction(device: Device, actionName: string): Action {
  const action = findAction(device, actionName);
  if (action) return action;
  const available = availableActionNames(device);
  const offered = available.length > 0 ? available.join(", ") : "none";
  throw new ValidationError(
    `Device ${device.deviceId} has no "${actionName}" action (available: ${offered})`,
    { issues: [{ path: ["actions"], message: `unknown action "${actionName}"` }] },
  );
}

function decodeSegment(segment: string, url: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ValidationError(`Action url ${url} is not validly percent-encoded`);
  }
}

function withoutBasePath(pathname: string, basePath: string): string | undefined {
  if (basePath === "") return pathname;
  if (pathname === basePath) return "/";
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

/**
 * The API-relative path of an action url. Absolute urls must point at the API itself:
 * the API key is attached to the request, so another host is refused outright.
 */
function apiRelativePath(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  if (HAS_SCHEME.test(url) || url.startsWith("//")) {
    const absolute = new URL(url, base);
    if (absolute.origin !== base.origin) {
      throw new ValidationError(`Refusing action url on ${absolute.origin}: only ${base.origin} receives the API key`);
    }
    const path = withoutBasePath(absolute.pathname, basePath);
    if (path === undefined) throw new ValidationError(`Action url ${url} is outside the API base ${baseUrl}`);
    return path;
  }
  const path = url.startsWith("/") ? url : `/${url}`;
  // Servers give paths relative to the API base; tolerate ones that repeat the base path.
  return withoutBasePath(path, basePath) ?? path;
}

/**
 * Where an action's `url` points, checked against the client's base url. Either form of action
 * path is read; the request always goes to the API's operation, `/device/{id}/action/{name}`.
 */
export function actionTarget(action: Pick<Action, "url" | "actionName">, baseUrl: string): ActionTarget {
  const url = action.url?.trim();
  if (!url) throw new ValidationError(`Action "${action.actionName ?? "?"}" has no url`);
  if (/[?#]/.test(url)) throw new ValidationError(`Action url ${url} carries a query or fragment; refusing to guess`);
  const path = apiRelativePath(url, baseUrl);
  const match = ACTION_PATHS.map((pattern) => pattern.exec(path)).find((found) => found !== null);
  if (!match || NOT_ACTION_NAMES.has(match[2] as string)) {
    throw new ValidationError(`Action url ${url} is not a device action path (/device/{id}/action/{name} or /device/{id}/{name})`);
  }
  return { deviceId: decodeSegment(match[1] as string, url), actionName: decodeSegment(match[2] as string, url) };
}
