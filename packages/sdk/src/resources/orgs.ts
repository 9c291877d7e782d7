import { type PagePromise, checkedRequestOptions, failedPages } from "@openapp/core";
import { MAX_PAGE_SIZE, type OpenAppContext } from "../client.js";
import { imageMethods } from "../internal/image-methods.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";

/** `client.orgs`: organizations. Their routes take no `X-Org`: the organization is in the path. */
export function orgsResource(ctx: OpenAppContext) {
  // Object.assign keeps ImageMethods by name in the declarations, with its docs.
  return Object.assign({
    /**
     * Organizations the key can see, page by page.
     * `GET /orgs`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    list(params?: ListParams<"list_orgs">, options?: Options): PagePromise<Item<"list_orgs">> {
      return ctx.kit.list("list_orgs", { query: params }, options);
    },
    /**
     * Get an organization.
     * `GET /orgs/{id}`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    get(id: string, params?: Query<"get_org">, options?: Options): Promise<Result<"get_org">> {
      return ctx.kit.call("get_org", { path: { id }, query: params }, options);
    },
    /**
     * Create an organization.
     * `POST /orgs`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer.
     */
    create(body: Body<"create_org">, params?: Query<"create_org">, options?: Options): Promise<Result<"create_org">> {
      return ctx.kit.call("create_org", { body, query: params }, options);
    },
    /**
     * Update an organization.
     * `PUT /orgs/{id}`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    update(id: string, body: Body<"update_org">, params?: Query<"update_org">, options?: Options): Promise<Result<"update_org">> {
      return ctx.kit.call("update_org", { path: { id }, body, query: params }, options);
    },
    /**
     * Soft-delete an organization.
     * `DELETE /orgs/{id}`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    delete(id: string, params?: Query<"delete_org">, options?: Options): Promise<Result<"delete_org">> {
      return ctx.kit.call("delete_org", { path: { id }, query: params }, options);
    },
    /**
     * Purge an organization.
     * `DELETE /orgs/{id}/purge`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    purge(id: string, params?: Query<"hard_delete_org">, options?: Options): Promise<Result<"hard_delete_org">> {
      return ctx.kit.call("hard_delete_org", { path: { id }, query: params }, options);
    },
    /**
     * What the caller may do in this organization.
     * `GET /orgs/{id}/permissions`.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    permissions(id: string, options?: Options): Promise<Result<"get_org_permissions">> {
      return ctx.kit.call("get_org_permissions", { path: { id } }, options);
    },
    /**
     * Members of an organization, page by page (`recursive: true` adds descendant orgs).
     * `X-Org` defaults to that organization when neither the call nor the client names one.
     * `GET /orgs/{org_id}/users`, one request per page.
     * @throws {ConfigError} before any request when the client has no API key.
     * @throws {ValidationError} before any request when `limit` is not a whole number from 1 to 200, `offset` is negative, or `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    users(orgId: string, params?: ListParams<"list_org_users">, options?: Options): PagePromise<Item<"list_org_users">> {
      try {
        const given: Options = checkedRequestOptions(options, "orgs.users");
        const withOrg: Options = { ...given, org: given.org ?? (ctx.kit.defaultOption("org") as string | undefined) ?? orgId };
        return ctx.kit.list("list_org_users", { path: { org_id: orgId }, query: params }, withOrg);
      } catch (error) {
        return failedPages(error);
      }
    },
    /**
     * The organization with this name, in any of its locales (`match: "fuzzy"`: whose name contains it).
     * Pages `GET /orgs`.
     * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
     */
    async getByName(name: string, options?: GetByNameOptions): Promise<Item<"list_orgs">> {
      const { needle, mode, request } = byNameInput(name, options);
      return findByName("organization", name, needle, mode, this.list({ limit: MAX_PAGE_SIZE }, request));
    },
  }, imageMethods(ctx, "upload_org_image"));
}

/** The type of `client.orgs`: the methods returned by {@link orgsResource}. */
export type OrgsResource = ReturnType<typeof orgsResource>;
