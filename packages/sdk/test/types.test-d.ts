import type { OpenAppRawClient } from "@openapp/openapp-generated";
import { describe, expectTypeOf, test } from "vitest";
import type {
  EntityHandle,
  OpenAppClient,
  OpenAppRequestOptions,
  PagePromise,
  SchemaApiKeyListItem,
  SchemaBackendStatus,
  SchemaCreateDeviceRequest,
  SchemaDeviceResponse,
  SchemaEntityResponse,
  SchemaExecuteScriptingResponse,
  SchemaImageUploadResponse,
  SchemaUserResponse,
  SchemaZoneResponse,
} from "../src/index.js";
import type { ImageUploadOperationId, OptionalOrgOperationId, PaginatedOperationId } from "../src/models/operation-types.js";

declare const client: OpenAppClient;

describe("results come from the generated operations", () => {
  test("reads, lists and uploads", () => {
    expectTypeOf(client.devices.get("d")).toEqualTypeOf<Promise<SchemaDeviceResponse>>();
    expectTypeOf(client.devices.list()).toEqualTypeOf<PagePromise<SchemaDeviceResponse>>();
    expectTypeOf(client.entities.list()).toEqualTypeOf<PagePromise<SchemaEntityResponse>>();
    expectTypeOf(client.integrations.entities("i")).toEqualTypeOf<PagePromise<SchemaEntityResponse>>();
    expectTypeOf(client.users.search()).toEqualTypeOf<PagePromise<SchemaUserResponse>>();
    expectTypeOf(client.zones.listForIntegration("i")).toEqualTypeOf<Promise<SchemaZoneResponse[]>>();
    expectTypeOf(client.apiKeys.list()).toEqualTypeOf<Promise<SchemaApiKeyListItem[]>>();
    expectTypeOf(client.status.get()).toEqualTypeOf<Promise<SchemaBackendStatus>>();
    expectTypeOf(client.scripting.execute("1")).toEqualTypeOf<Promise<SchemaExecuteScriptingResponse>>();
    expectTypeOf(client.orgs.uploadImage("o", new Blob())).toEqualTypeOf<Promise<SchemaImageUploadResponse>>();
    expectTypeOf(client.users.uploadImageFromUrl("u", "https://x.example/a.png")).toEqualTypeOf<Promise<SchemaImageUploadResponse>>();
  });

  test("bodiless answers are undefined and the bootstrap script is text", () => {
    expectTypeOf(client.apiKeys.revoke("k")).toEqualTypeOf<Promise<undefined>>();
    expectTypeOf(client.publicAccess.openPortal("p")).toEqualTypeOf<Promise<undefined>>();
    expectTypeOf(client.lanAgent.bootstrapScript("key")).toEqualTypeOf<Promise<string>>();
  });

  test("entity handles", () => {
    expectTypeOf(client.entities.byId("e")).toEqualTypeOf<EntityHandle>();
    expectTypeOf<EntityHandle["open"]>().returns.toEqualTypeOf<Promise<unknown>>();
    expectTypeOf<EntityHandle["action"]>().parameter(0).toEqualTypeOf<string>();
  });

  test("the raw client and the request options", () => {
    expectTypeOf(client.raw).toEqualTypeOf<OpenAppRawClient>();
    expectTypeOf<OpenAppRequestOptions["org"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(client.withOrg("o")).toEqualTypeOf<OpenAppClient>();
  });
});

describe("parameters come from the generated operations", () => {
  test("list params are the flattened query", () => {
    client.devices.list({ integration_id: "i", include_deleted: true, has_external_id: false, limit: 50, offset: 100 });
    // @ts-expect-error camelCase is not a wire parameter
    client.devices.list({ integrationId: "i" });
    // @ts-expect-error list_devices has no zone filter
    client.devices.list({ zone_id: "z" });
    // @ts-expect-error search_users takes no output flags
    client.users.search({ include_deleted: true });
    client.users.search({ q: "noa", scope: "all", exclude_ids: "u1,u2" });
    // @ts-expect-error include_deleted is a boolean
    client.entities.list({ include_deleted: "yes" });
  });

  test("single-resource queries and bodies", () => {
    client.devices.get("d", { include_stale: true, include_metadata: true });
    // @ts-expect-error get_device has no only_deleted flag
    client.devices.get("d", { only_deleted: true });
    expectTypeOf(client.devices.create).parameter(0).toEqualTypeOf<SchemaCreateDeviceRequest>();
    // @ts-expect-error name is a locale map, not a string
    client.devices.create({ org_id: "o", integration_id: "i", name: "Lobby" });
    // @ts-expect-error the required entity_type is missing
    client.devices.entityMetadataDefinition("d", {});
    // @ts-expect-error grant_id is required
    client.publicAccess.executeInvite("t", {});
    // @ts-expect-error deviceId is not the spec's field
    client.entities.create({ deviceId: "d", entity_type: "door" });
  });

  test("the options argument", () => {
    client.devices.get("d", {}, { org: "o", timeout: 5_000, signal: AbortSignal.timeout(1_000) });
    // @ts-expect-error orgId is not an option
    client.devices.get("d", {}, { orgId: "o" });
  });
});

describe("derived operation sets", () => {
  test("match the spec", () => {
    expectTypeOf<OptionalOrgOperationId>().toEqualTypeOf<"search_users">();
    expectTypeOf<ImageUploadOperationId>().toEqualTypeOf<
      "upload_device_image" | "upload_entity_image" | "upload_integration_image" | "upload_org_image" | "upload_user_image"
    >();
    expectTypeOf<PaginatedOperationId>().toEqualTypeOf<
      | "list_devices"
      | "list_entities"
      | "list_device_entities"
      | "list_integrations"
      | "list_integration_entities"
      | "list_orgs"
      | "list_org_users"
      | "search_users"
    >();
  });
});
