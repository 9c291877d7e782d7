import type { ObjectQueryOperationId, OperationId, QueryLayout } from "../models/operation-types.js";

const MULTI_FLAGS = ["include_deleted", "include_metadata", "only_deleted"] as const;
const PAGE_WINDOW = ["limit", "offset"] as const;
const LISTING = { output_options: MULTI_FLAGS, pagination: PAGE_WINDOW } as const;

/**
 * Where each operation with object query parameters keeps their members. The mapped type
 * makes a missing operation, a missing object or a member name the spec lacks a compile error.
 */
const queryLayouts = {
  get_device: { output_options: ["include_deleted", "include_metadata"] },
  list_devices: LISTING,
  list_entities: LISTING,
  list_integrations: LISTING,
  list_integration_entities: LISTING,
  list_org_users: LISTING,
  list_orgs: LISTING,
  list_device_entities: { pagination: PAGE_WINDOW },
} as const satisfies { [Id in ObjectQueryOperationId]: QueryLayout<Id> };

// The spec requires every output flag to be sent; false is the server's own default.
const MEMBER_DEFAULTS: Readonly<Record<string, unknown>> = { include_deleted: false, include_metadata: false, only_deleted: false };

type Layout = Readonly<Record<string, readonly string[]>>;
const layouts: Partial<Record<OperationId, Layout>> = queryLayouts;

/** Regroups flat parameters into the operation's `output_options` / `pagination` objects. */
export function toWireQuery(id: OperationId, flat: object | undefined): Record<string, unknown> | undefined {
  return regroup(layouts[id], flat);
}

/** The 1.0 operations with object query parameters: only the invite list pages with `pagination`. */
const v1Layouts: Readonly<Record<string, Layout>> = { list_integration_access_invites: { pagination: PAGE_WINDOW } };

/** {@link toWireQuery} for the 1.0 operations. */
export function toWireQueryV1(id: string, flat: object | undefined): Record<string, unknown> | undefined {
  return regroup(v1Layouts[id], flat);
}

function regroup(layout: Layout | undefined, flat: object | undefined): Record<string, unknown> | undefined {
  if (!layout) return flat as Record<string, unknown> | undefined;
  const query: Record<string, unknown> = { ...flat };
  for (const [name, members] of Object.entries(layout)) {
    const group: Record<string, unknown> = {};
    for (const member of members) {
      group[member] = query[member] ?? MEMBER_DEFAULTS[member];
      delete query[member];
    }
    query[name] = group;
  }
  return query;
}
