import { ConfigError, type RequestBody, type ResponseBody, isHeaderSafeToken, readingInput, serializeBody, shown } from "@openapp/core";
import type { operations } from "@openapp/openapp-v1-generated";
import type { OpenAppV1Kit as V1Kit } from "../context.js";
import { ConfirmationDeclinedError } from "../errors.js";
import type { OpenAppRequestOptions } from "../models/operation-types.js";

/** The body of a 1.0 entity action: provider-specific arguments, `{}` for a plain open or close. */
export type ActionArguments = RequestBody<operations["execute_entity_action"], "application/json">;

/**
 * What running an action would do, decided by the policies without touching the hardware
 * (`allowed`, `requires_confirmation`, …). Its `preview_token`, when the policies want a
 * confirmation, is kept out of JSON and `util.inspect` output: pass the preview on to
 * `{ previewToken: preview.preview_token }` to confirm later.
 */
export type ActionPreview = ResponseBody<operations["preview_entity_action"]>;

/** The answer to a 1.0 entity action, with `correlation_id` (the body's, else `X-Request-Id`) and `idempotent_replay`. */
export type ConfirmedActionResult = ResponseBody<operations["execute_entity_action"]>;

/** Per-call options of an entity action: the usual request options, and how to confirm it. */
export interface ActionOptions extends OpenAppRequestOptions {
  /**
   * Asks before the action runs (OpenApp 1.0): the SDK previews it, hands you the preview, and
   * runs it with the preview's token and the identical body only when this resolves to true
   * (else a ConfirmationDeclinedError, and nothing ran).
   */
  confirm?: ((preview: ActionPreview) => boolean | Promise<boolean>) | undefined;
  /**
   * Confirms now what was previewed earlier (OpenApp 1.0): the `previewToken` of a
   * ConfirmationRequiredError, or the `preview_token` of a preview. Send the identical body.
   */
  previewToken?: string | undefined;
}

const CONFIRM_HEADER = "X-OpenApp-Confirm";


/** The confirmation options apart from the request options; a wrong kind, or both at once, is a ConfigError. */
export function splitActionOptions(options: ActionOptions | undefined, what: string): { confirm: ActionOptions["confirm"]; previewToken: string | undefined; request: OpenAppRequestOptions } {
  // Not an object: the kit's own check names it, as for any other method.
  if (typeof options !== "object" || options === null) return { confirm: undefined, previewToken: undefined, request: options as unknown as OpenAppRequestOptions };
  const { confirm, previewToken, ...request } = readingInput(`${what}: options`, () => ({ ...options }), ConfigError);
  if (confirm !== undefined && typeof confirm !== "function") throw new ConfigError(`${what}: option confirm must be a function, got ${shown(confirm)}`);
  if (previewToken !== undefined && (typeof previewToken !== "string" || !isHeaderSafeToken(previewToken))) {
    // The value itself is never shown: it is a credential.
    throw new ConfigError(`${what}: option previewToken must be the non-empty token of a preview or ConfirmationRequiredError`);
  }
  if (confirm !== undefined && previewToken !== undefined) {
    throw new ConfigError(`${what}: pass either confirm (ask now) or previewToken (confirmed earlier), not both`);
  }
  return { confirm, previewToken, request };
}

/** A preview whose token is still there for code, but not in JSON or `util.inspect` output. */
function withHiddenToken(preview: ActionPreview): ActionPreview {
  if (typeof preview !== "object" || preview === null || !("preview_token" in preview)) return preview;
  const { preview_token: token, ...shown } = preview;
  return Object.defineProperty(shown, "preview_token", { value: token, enumerable: false }) as ActionPreview;
}

function withoutKey({ idempotencyKey: _unused, ...rest }: OpenAppRequestOptions): OpenAppRequestOptions {
  return rest;
}

/** `POST /entities/{id}/actions/{action_id}/preview`: the policies' decision, nothing runs. */
export async function previewAction(kit: V1Kit, id: string, actionId: string, body: ActionArguments, options: OpenAppRequestOptions): Promise<ActionPreview> {
  // A preview is not deduplicated; the action's key belongs to the execute. Options of the wrong kind are left to the kit's check.
  const request = typeof options === "object" && options !== null ? withoutKey(readingInput("OpenApp entity action preview: options", () => ({ ...options }), ConfigError)) : options;
  return withHiddenToken(await kit.call("preview_entity_action", { path: { id, action_id: actionId }, body }, request));
}

/**
 * Runs a 1.0 entity action exactly once: the kit gives it one idempotency key for all attempts.
 * With `confirm`, previews first and runs with the preview's token and the same bytes of body;
 * with `previewToken`, runs with that token. A `confirmation_required` answer is a
 * ConfirmationRequiredError carrying the token for later.
 */
export async function runAction(kit: V1Kit, id: string, actionId: string, body: ActionArguments, options: ActionOptions | undefined): Promise<ConfirmedActionResult> {
  // The action id is not read yet: the kit checks it (and a hostile value) when it builds the path.
  const what = "OpenApp entity action";
  const { confirm, previewToken, request } = splitActionOptions(options, what);
  if (!confirm) return execute(kit, id, actionId, body, request, previewToken);
  // Serialized once, so the preview and the run carry the very same bytes whatever happens to `body` meanwhile.
  const sent = serializeBody(body, undefined, `${what}: request body`) as unknown as ActionArguments;
  const preview = await previewAction(kit, id, actionId, sent, request);
  if ((await confirm(preview)) !== true) throw new ConfirmationDeclinedError(id, actionId);
  return execute(kit, id, actionId, sent, request, preview.preview_token ?? undefined);
}

async function execute(
  kit: V1Kit,
  id: string,
  actionId: string,
  body: ActionArguments,
  options: OpenAppRequestOptions,
  previewToken: string | undefined,
): Promise<ConfirmedActionResult> {
  const confirmed = previewToken === undefined ? options : { ...options, headers: { ...options.headers, [CONFIRM_HEADER]: previewToken } };
  const input = { path: { id, action_id: actionId }, body, secrets: previewToken === undefined ? undefined : [previewToken] };
  const result = await kit.callWithResponse("execute_entity_action", input, confirmed);
  return { ...result.body, correlation_id: result.body.correlation_id ?? result.correlationId, idempotent_replay: result.replayed };
}
