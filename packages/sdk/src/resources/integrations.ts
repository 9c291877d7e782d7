import type { PagePromise } from "@openapp/core";
import { MAX_PAGE_SIZE, type OpenAppContext } from "../client.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";

/** `client.integrations`: provider connections, their access portals and guest invites. */
export function integrationsResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /**
     * All integrations, page by page (filters: `provider_type`, `q`).
     * `GET /integrations`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    list(params?: ListParams<"list_integrations">, options?: Options): PagePromise<Item<"list_integrations">> {
      return ctx.kit.list("list_integrations", { query: params }, options);
    },
    /**
     * Get an integration.
     * `GET /integrations/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    get(id: string, params?: Query<"get_integration">, options?: Options): Promise<Result<"get_integration">> {
      return ctx.kit.call("get_integration", { path: { id }, query: params }, options);
    },
    /**
     * Create an integration.
     * `POST /integrations`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_integration">, params?: Query<"create_integration">, options?: Options): Promise<Result<"create_integration">> {
      return ctx.kit.call("create_integration", { body, query: params }, options);
    },
    /**
     * Update an integration.
     * `PUT /integrations/{id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(
      id: string,
      body: Body<"update_integration">,
      params?: Query<"update_integration">,
      options?: Options,
    ): Promise<Result<"update_integration">> {
      return ctx.kit.call("update_integration", { path: { id }, body, query: params }, options);
    },
    /**
     * Restore an integration.
     * `POST /integrations/{id}/restore`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    restore(id: string, params?: Query<"restore_integration">, options?: Options): Promise<Result<"restore_integration">> {
      return ctx.kit.call("restore_integration", { path: { id }, query: params }, options);
    },
    /**
     * Permanent delete (the API has no soft delete for integrations).
     * `DELETE /integrations/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, params?: Query<"hard_delete_integration">, options?: Options): Promise<Result<"hard_delete_integration">> {
      return ctx.kit.call("hard_delete_integration", { path: { id }, query: params }, options);
    },
    /**
     * Provider type → localized display name.
     * `GET /integrations/provider-types`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer.
     */
    providerTypes(options?: Options): Promise<Result<"list_integration_provider_types">> {
      return ctx.kit.call("list_integration_provider_types", {}, options);
    },
    /**
     * Get a provider definition.
     * `GET /integrations/provider-types/{provider_type}/definition`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    providerDefinition(providerType: string, options?: Options): Promise<Result<"get_integration_provider_definition">> {
      return ctx.kit.call("get_integration_provider_definition", { path: { provider_type: providerType } }, options);
    },
    /**
     * What the provider currently sees on its side, whether or not it is imported.
     * `GET /integrations/{id}/discovered-devices`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    discoveredDevices(
      id: string,
      params?: Query<"get_integration_discovered_devices">,
      options?: Options,
    ): Promise<Result<"get_integration_discovered_devices">> {
      return ctx.kit.call("get_integration_discovered_devices", { path: { id }, query: params }, options);
    },
    /**
     * Get the device settings schema of an integration.
     * `GET /integrations/{id}/device-metadata-schema`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    deviceMetadataSchema(id: string, options?: Options): Promise<Result<"get_integration_device_metadata_schema">> {
      return ctx.kit.call("get_integration_device_metadata_schema", { path: { id } }, options);
    },
    /**
     * The integration's entities, page by page (filter: `entity_type`).
     * `GET /integrations/{id}/entities`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    entities(id: string, params?: ListParams<"list_integration_entities">, options?: Options): PagePromise<Item<"list_integration_entities">> {
      return ctx.kit.list("list_integration_entities", { path: { id }, query: params }, options);
    },
    /**
     * Maintenance operations the provider offers (`sync_devices`, …).
     * `GET /integrations/{id}/ops`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    ops(id: string, params?: Query<"list_integration_ops">, options?: Options): Promise<Result<"list_integration_ops">> {
      return ctx.kit.call("list_integration_ops", { path: { id }, query: params }, options);
    },
    /**
     * Runs one provider operation; never retried once it may have reached the server.
     * `POST /integrations/{id}/ops/{op_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    runOp(id: string, opId: string, body: Body<"execute_integration_op"> = {}, options?: Options): Promise<Result<"execute_integration_op">> {
      return ctx.kit.call("execute_integration_op", { path: { id, op_id: opId }, body }, options);
    },
    /**
     * List access portals.
     * `GET /integrations/{id}/access-portals`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    listAccessPortals(id: string, options?: Options): Promise<Result<"list_integration_access_portals">> {
      return ctx.kit.call("list_integration_access_portals", { path: { id } }, options);
    },
    /**
     * Create an access portal.
     * `POST /integrations/{id}/access-portals`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    createAccessPortal(
      id: string,
      body: Body<"create_integration_access_portal">,
      options?: Options,
    ): Promise<Result<"create_integration_access_portal">> {
      return ctx.kit.call("create_integration_access_portal", { path: { id }, body }, options);
    },
    /**
     * A portal by its own id (no integration id needed).
     * `GET /integrations/access-portals/{portal_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    getAccessPortal(portalId: string, options?: Options): Promise<Result<"get_access_portal_by_id">> {
      return ctx.kit.call("get_access_portal_by_id", { path: { portal_id: portalId } }, options);
    },
    /**
     * Update an access portal.
     * `PUT /integrations/{id}/access-portals/{portal_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    updateAccessPortal(
      id: string,
      portalId: string,
      body: Body<"update_integration_access_portal">,
      options?: Options,
    ): Promise<Result<"update_integration_access_portal">> {
      return ctx.kit.call("update_integration_access_portal", { path: { id, portal_id: portalId }, body }, options);
    },
    /**
     * Delete an access portal.
     * `DELETE /integrations/{id}/access-portals/{portal_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    deleteAccessPortal(id: string, portalId: string, options?: Options): Promise<Result<"delete_integration_access_portal">> {
      return ctx.kit.call("delete_integration_access_portal", { path: { id, portal_id: portalId } }, options);
    },
    /**
     * List access invites.
     * `GET /integrations/{id}/access-invites`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    listAccessInvites(id: string, options?: Options): Promise<Result<"list_integration_access_invites">> {
      return ctx.kit.call("list_integration_access_invites", { path: { id } }, options);
    },
    /**
     * Creates a guest invite link; not retried once it may have reached the server.
     * `POST /integrations/{id}/access-invites`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    createAccessInvite(
      id: string,
      body: Body<"create_integration_access_invite">,
      options?: Options,
    ): Promise<Result<"create_integration_access_invite">> {
      return ctx.kit.call("create_integration_access_invite", { path: { id }, body }, options);
    },
    /**
     * Update an access invite.
     * `PUT /integrations/{id}/access-invites/{invite_link_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    updateAccessInvite(
      id: string,
      inviteLinkId: string,
      body: Body<"update_integration_access_invite">,
      options?: Options,
    ): Promise<Result<"update_integration_access_invite">> {
      return ctx.kit.call("update_integration_access_invite", { path: { id, invite_link_id: inviteLinkId }, body }, options);
    },
    /**
     * Delete an access invite.
     * `DELETE /integrations/{id}/access-invites/{invite_link_id}`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    deleteAccessInvite(id: string, inviteLinkId: string, options?: Options): Promise<Result<"delete_integration_access_invite">> {
      return ctx.kit.call("delete_integration_access_invite", { path: { id, invite_link_id: inviteLinkId } }, options);
    },
    /**
     * Restore an access invite.
     * `POST /integrations/{id}/access-invites/{invite_link_id}/restore`.
     * @throws {ConfigError} before any request when the client has no API key or no org (`X-Org`).
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    restoreAccessInvite(id: string, inviteLinkId: string, options?: Options): Promise<Result<"restore_integration_access_invite">> {
      return ctx.kit.call("restore_integration_access_invite", { path: { id, invite_link_id: inviteLinkId } }, options);
    },
    /**
     * The integration with this name, in any of its locales (`match: "fuzzy"`: whose name contains it).
     * Pages `GET /integrations?q=` (the server prefilters, the SDK matches).
     * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
     */
    async getByName(name: string, options?: GetByNameOptions): Promise<Item<"list_integrations">> {
      const { needle, mode, request } = byNameInput(name, options);
      return findByName("integration", name, needle, mode, this.list({ q: name.trim(), limit: MAX_PAGE_SIZE }, request));
    },
    /**
     * The access portal of an integration with this name, in any locale. `GET /integrations/{id}/access-portals`.
     * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
     */
    async getAccessPortalByName(id: string, name: string, options?: GetByNameOptions) {
      const { needle, mode, request } = byNameInput(name, options);
      const { portals } = await this.listAccessPortals(id, request);
      return findByName("access portal", name, needle, mode, portals);
    },
  }, imageMethods(ctx, "upload_integration_image"));
}

/** The type of `client.integrations`: the methods returned by {@link integrationsResource}. */
export type IntegrationsResource = ReturnType<typeof integrationsResource>;
