import createClient from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ErrorBody,
  type HeaderParams,
  type ListItem,
  type OperationAt,
  type Page,
  type PagePromise,
  type PathParams,
  type QueryParams,
  type RequestBody,
  type RequestOptions,
  type ResponseBody,
  Transport,
  offsetPages,
} from "../src/index.js";

// Shaped like openapi-typescript output for a slice of the OpenApp spec.
interface DeviceResponse {
  id: string;
  name: { value: Record<string, string> };
}
interface ApiErrorResponse {
  message: string;
  error_code?: string | null;
}
interface operations {
  list_devices: {
    parameters: {
      query: { output_options: { include_deleted: boolean }; pagination?: { limit?: number; offset?: number } };
      header: { "X-Org": string };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": DeviceResponse[] } };
      401: { headers: { [name: string]: unknown }; content: { "application/json": ApiErrorResponse } };
    };
  };
  update_device: {
    parameters: { query?: never; header: { "X-Org": string }; path: { id: string }; cookie?: never };
    requestBody: { content: { "application/json": { name?: { value: Record<string, string> } } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": DeviceResponse } };
      404: { headers: { [name: string]: unknown }; content: { "application/json": ApiErrorResponse } };
    };
  };
  delete_device: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
  };
}
interface paths {
  "/devices": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations["list_devices"];
    put?: never;
    post?: never;
  };
  "/devices/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put: operations["update_device"];
    delete: operations["delete_device"];
  };
}

describe("type helpers over generated paths", () => {
  type ListDevices = OperationAt<paths, "/devices", "get">;
  type UpdateDevice = OperationAt<paths, "/devices/{id}", "put">;
  type DeleteDevice = OperationAt<paths, "/devices/{id}", "delete">;

  it("finds operations and the paths that declare a method", () => {
    expectTypeOf<ListDevices>().toEqualTypeOf<operations["list_devices"]>();
    expectTypeOf<OperationAt<paths, "/devices", "post">>().toBeNever();
  });

  it("derives parameter groups", () => {
    expectTypeOf<PathParams<UpdateDevice>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<PathParams<ListDevices>>().toBeNever();
    expectTypeOf<QueryParams<ListDevices>["output_options"]>().toEqualTypeOf<{ include_deleted: boolean }>();
    expectTypeOf<HeaderParams<ListDevices>>().toEqualTypeOf<{ "X-Org": string }>();
  });

  it("derives bodies", () => {
    expectTypeOf<RequestBody<UpdateDevice>>().toEqualTypeOf<{ name?: { value: Record<string, string> } }>();
    expectTypeOf<RequestBody<ListDevices>>().toBeNever();
    expectTypeOf<ResponseBody<UpdateDevice>>().toEqualTypeOf<DeviceResponse>();
    expectTypeOf<ResponseBody<DeleteDevice>>().toEqualTypeOf<undefined>();
    expectTypeOf<ErrorBody<UpdateDevice>>().toEqualTypeOf<ApiErrorResponse>();
    expectTypeOf<ListItem<ResponseBody<ListDevices>>>().toEqualTypeOf<DeviceResponse>();
    expectTypeOf<ListItem<{ items: DeviceResponse[]; total: number }>>().toEqualTypeOf<DeviceResponse>();
  });
});

describe("public runtime signatures", () => {
  it("plugs the transport into openapi-fetch", () => {
    const transport = new Transport();
    createClient<paths>({ fetch: transport.fetch });
    createClient<paths>({ fetch: transport.fetchWith({ timeout: 5_000 }) });
    expectTypeOf(transport.send).parameters.toEqualTypeOf<[Request, (RequestOptions | undefined)?]>();
  });

  it("makes list results awaitable pages and async-iterable items", async () => {
    const pages = offsetPages<DeviceResponse>({ limit: 50, load: async () => ({ items: [] }) });
    expectTypeOf(pages).toEqualTypeOf<PagePromise<DeviceResponse>>();
    expectTypeOf(await pages).toEqualTypeOf<Page<DeviceResponse>>();
    expectTypeOf((await pages).items).toEqualTypeOf<DeviceResponse[]>();
    expectTypeOf(pages.toArray).returns.toEqualTypeOf<Promise<DeviceResponse[]>>();
    for await (const device of pages) expectTypeOf(device).toEqualTypeOf<DeviceResponse>();
  });

  it("keeps RequestOptions to the documented members", () => {
    expectTypeOf<keyof RequestOptions>().toEqualTypeOf<"signal" | "timeout" | "maxRetries" | "headers" | "idempotencyKey" | "middleware" | "maxResponseBytes">();
  });
});
