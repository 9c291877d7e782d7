import { type PagePromise, ValidationError, offsetPages, toPageData } from "@openapp/core";
import { call, preflight } from "./call.js";
import type { OpenAppContext } from "./context.js";
import type { Item, ListParams, OpenAppRequestOptions, PaginatedOperationId, Path, Query } from "./types.js";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 200;

function pageSize(limit: unknown): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${String(limit)}`, {
      issues: [{ path: ["limit"], message: `must be 1…${MAX_PAGE_SIZE}` }],
    });
  }
  return limit;
}

function startOffset(offset: unknown): number {
  if (offset === undefined) return 0;
  if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0) {
    throw new ValidationError(`offset must be a non-negative whole number, got ${String(offset)}`, {
      issues: [{ path: ["offset"], message: "must be ≥ 0" }],
    });
  }
  return offset;
}

/**
 * A list operation as a PagePromise over offset pagination, for `{ items, total }` and
 * bare-array answers alike. Bad arguments and a missing org throw here, before any request.
 */
export function list<Id extends PaginatedOperationId>(
  ctx: OpenAppContext,
  id: Id,
  path: Path<Id> | undefined,
  params: ListParams<Id> | undefined,
  options: OpenAppRequestOptions | undefined,
): PagePromise<Item<Id>> {
  const { limit, offset, ...filters } = (params ?? {}) as { limit?: unknown; offset?: unknown };
  const first = { limit: pageSize(limit), offset: startOffset(offset) };
  preflight(ctx, id, options);
  return offsetPages<Item<Id>>({
    ...first,
    load: async (window) => {
      // The flat window members exist on every paginated operation; the generic Id cannot show it.
      const query = { ...filters, limit: window.limit, offset: window.offset } as unknown as Query<Id>;
      const body = await call(ctx, id, { ...(path ? { path } : {}), query }, options);
      return toPageData(body as Parameters<typeof toPageData<Item<Id>>>[0]);
    },
  });
}
