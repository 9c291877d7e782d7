import { ConfigError, type TransportFetch, unwrap } from "@openapp/core";
import { operationTable } from "@openapp/openapp-generated";
import type { OpenAppContext } from "./context.js";
import { toWireQuery } from "./query.js";
import type { Body, OpenAppRequestOptions, OperationId, OptionalOrgOperationId, Path, Query, Result } from "./types.js";

export interface CallInput<Id extends OperationId> {
  path?: Path<Id>;
  query?: Query<Id> | undefined;
  body?: Body<Id> | undefined;
  /** A non-JSON answer to ask for (the bootstrap script); it is returned as text. */
  accept?: string;
}

// Listed by hand because the table only records required headers; the type keeps it honest.
const OPTIONAL_ORG_OPERATIONS: ReadonlySet<OperationId> = new Set<OptionalOrgOperationId>(["search_users"]);

/** `X-Org` where the operation declares it; ConfigError when it is required and no org is known. */
function orgHeader(ctx: OpenAppContext, id: OperationId, options: OpenAppRequestOptions | undefined): Record<string, string> | undefined {
  const org = options?.org ?? ctx.org;
  if (operationTable[id].requiresOrg) {
    if (!org) {
      throw new ConfigError(
        `${id} acts in an organization: pass { org } to OpenAppClient or this call, use client.withOrg(orgId), or set OPENAPP_ORG`,
      );
    }
    return { "X-Org": org };
  }
  return org && OPTIONAL_ORG_OPERATIONS.has(id) ? { "X-Org": org } : undefined;
}

/** Everything that can be refused before the network; list methods run it eagerly. */
export function preflight(ctx: OpenAppContext, id: OperationId, options: OpenAppRequestOptions | undefined): Record<string, string> | undefined {
  if (operationTable[id].requiresAuth && !ctx.hasApiKey) {
    throw new ConfigError(`${id} needs an API key: pass { apiKey } to OpenAppClient or set OPENAPP_API_KEY`);
  }
  return orgHeader(ctx, id, options);
}

/**
 * OpenApp documents no request deduplication in this API version, so a key would only let the
 * transport resend a POST (a door open) that may already have run. It is dropped, loudly.
 */
function transportOptions(ctx: OpenAppContext, id: OperationId, options: OpenAppRequestOptions | undefined) {
  if (!options) return {};
  const { org: _org, idempotencyKey, ...rest } = options;
  if (idempotencyKey !== undefined) {
    ctx.logger.warn(`idempotencyKey ignored for ${id}: OpenApp does not deduplicate requests, so it cannot make a retry safe`);
  }
  return rest;
}

interface LooseInit {
  params: { path?: unknown; query?: Record<string, unknown> | undefined; header?: Record<string, string> | undefined };
  body?: unknown;
  headers?: Record<string, string>;
  parseAs?: "json" | "text";
  fetch: TransportFetch;
}

// The operation id picks method and path at run time; the typed signature of `call` is what checks the input.
interface LooseClient {
  request(method: string, path: string, init: LooseInit): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

function contentHeaders(id: OperationId, accept: string | undefined): Record<string, string> | undefined {
  const media = operationTable[id].requestMediaType;
  // JSON is openapi-fetch's default and multipart must carry the runtime's boundary.
  const needsContentType = media !== null && media !== "application/json" && media !== "multipart/form-data";
  if (!needsContentType && accept === undefined) return undefined;
  return { ...(needsContentType ? { "Content-Type": media } : {}), ...(accept ? { Accept: accept } : {}) };
}

/**
 * Performs one operation through the typed raw client and the shared transport: org header,
 * flat query regrouped, body in the operation's media type, per-call options; returns the body.
 */
export async function call<Id extends OperationId>(
  ctx: OpenAppContext,
  id: Id,
  input: CallInput<Id> = {},
  options?: OpenAppRequestOptions,
): Promise<Result<Id>> {
  const header = preflight(ctx, id, options);
  const { method, path } = operationTable[id];
  const headers = contentHeaders(id, input.accept);
  const init: LooseInit = {
    params: { path: input.path, query: toWireQuery(id, input.query), header },
    body: input.body,
    fetch: ctx.transport.fetchWith(transportOptions(ctx, id, options)),
    ...(headers ? { headers } : {}),
    ...(input.accept ? { parseAs: "text" as const } : {}),
  };
  return unwrap((ctx.raw as unknown as LooseClient).request(method, path, init)) as Promise<Result<Id>>;
}
