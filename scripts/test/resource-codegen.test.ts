import { describe, expect, it } from "vitest";
import { collectPassThroughs, generateResourceBases } from "../lib/resource-codegen.js";
import type { Facade } from "../lib/vendors.js";

const facade: Facade = {
  packageDir: "packages/shop",
  context: { name: "ShopContext", from: "../context.js" },
  operationTypes: "../models/operation-types.js",
  requestOptions: { name: "ShopRequestOptions", from: "../models/operation-types.js" },
  errorContract: "ShopClient",
  voidWithoutContent: true,
};

const ok = { description: "ok", content: { "application/json": { schema: { type: "object" } } } };

/** A reduced shop API: a paged list, a read with a query, a write with a body and two path parameters, a delete without content. */
function shopSpec(overrides: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    components: { schemas: { Window: { type: "object", properties: { limit: { type: "integer" } } } } },
    paths: {
      "/shelves/{shelf_id}/items": {
        parameters: [{ name: "shelf_id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "list_items",
          "x-sdk-method": "shelves.items",
          summary: "List the items of a shelf",
          parameters: [
            { name: "pagination", in: "query", required: true, schema: { $ref: "#/components/schemas/Window" } },
            { name: "q", in: "query", schema: { type: "string" } },
          ],
          responses: { "200": ok },
        },
      },
      "/shelves/{shelf_id}/items/{item_no}": {
        get: {
          operationId: "get_item",
          "x-sdk-method": "shelves.item",
          summary: "Get an item",
          description: "The item as stocked.\nPrices are in cents; a comment end */ stays inside.",
          parameters: [
            { name: "item_no", in: "path", required: true, schema: { type: "integer" } },
            { name: "shelf_id", in: "path", required: true, schema: { type: "string" } },
            { name: "locale", in: "query", required: true, schema: { type: "string" } },
          ],
          responses: { "200": ok },
        },
        put: {
          operationId: "put_item",
          "x-sdk-method": "shelves.putItem",
          summary: "Replace an item",
          parameters: [
            { name: "shelf_id", in: "path", required: true, schema: { type: "string" } },
            { name: "item_no", in: "path", required: true, schema: { type: "integer" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
          responses: { "200": ok },
        },
        delete: {
          operationId: "delete_item",
          "x-sdk-method": "shelves.removeItem",
          summary: "Remove an item",
          parameters: [
            { name: "shelf_id", in: "path", required: true, schema: { type: "string" } },
            { name: "item_no", in: "path", required: true, schema: { type: "integer" } },
          ],
          responses: { "204": { description: "gone" } },
        },
      },
      "/aisles/{id}/labels": {
        get: {
          operationId: "list_labels",
          "x-sdk-method": "labels.forAisle",
          summary: "Labels of an aisle",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok },
        },
      },
      "/shelves/{id}": {
        get: {
          operationId: "get_shelf",
          "x-sdk-method": "shelves.get",
          summary: "Get a shelf",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok },
        },
      },
      "/status": {
        get: { operationId: "get_status", summary: "Status", responses: { "200": ok } },
      },
      ...overrides,
    },
  };
}

describe("generateResourceBases", () => {
  const source = generateResourceBases(shopSpec(), facade);

  it("emits one base class per resource, holding the vendor context, and skips operations without x-sdk-method", () => {
    expect(source).toContain("export abstract class ShelvesOperations extends Resource<ShopContext> {");
    expect(source).toContain('import type { ShopContext } from "../context.js";');
    expect(source).not.toContain("get_status");
  });

  it("takes path parameters in route order, then the body, then the query, then the request options", () => {
    expect(source).toContain(
      'item(shelfId: string, itemNo: number, params: Query<"get_item">, options?: ShopRequestOptions): Promise<Result<"get_item">> {',
    );
    expect(source).toContain('return this.ctx.kit.call("get_item", { path: { shelf_id: shelfId, item_no: itemNo }, query: params }, options);');
    expect(source).toContain('putItem(shelfId: string, itemNo: number, body: Body<"put_item">, options?: ShopRequestOptions)');
  });

  it("calls a bare {id} `id` on its own resource and names the owner on another one", () => {
    expect(source).toContain('get(id: string, options?: ShopRequestOptions): Promise<Result<"get_shelf">> {');
    expect(source).toContain('forAisle(aisleId: string, options?: ShopRequestOptions): Promise<Result<"list_labels">> {');
    expect(source).toContain('return this.ctx.kit.call("list_labels", { path: { id: aisleId } }, options);');
  });

  it("pages a paginated operation through kit.list, with the object parameters optional", () => {
    expect(source).toContain('items(shelfId: string, params?: ListParams<"list_items">, options?: ShopRequestOptions): PagePromise<Item<"list_items">> {');
    expect(source).toContain('return this.ctx.kit.list("list_items", { path: { shelf_id: shelfId }, query: params }, options);');
  });

  it("resolves an operation without a response body to void when the façade says so, else to its Result", () => {
    expect(source).toContain("async removeItem(shelfId: string, itemNo: number, options?: ShopRequestOptions): Promise<void> {");
    const keepsResult = generateResourceBases(shopSpec(), { ...facade, voidWithoutContent: false });
    expect(keepsResult).toContain('removeItem(shelfId: string, itemNo: number, options?: ShopRequestOptions): Promise<Result<"delete_item">> {');
  });

  it("documents each method from the spec's summary and description, its route, and the one error contract", () => {
    const doc = source.slice(source.indexOf("Get an item"), source.indexOf("item(shelfId"));
    expect(doc).toContain("* The item as stocked.\n   * Prices are in cents; a comment end *\\/ stays inside.");
    expect(doc).toContain("* `GET /shelves/{shelf_id}/items/{item_no}` (`get_item`).");
    expect(doc).toContain("* Errors: see {@link ShopClient}.");
    expect(source).toContain("* `GET /shelves/{shelf_id}/items`, one request per page (`list_items`).");
    expect(source).not.toContain("@throws");
  });

  it("refuses a malformed method name and a method name given to two operations", () => {
    const malformed = shopSpec({ "/x": { get: { operationId: "x", "x-sdk-method": "Shelves-items", responses: { "200": ok } } } });
    expect(() => collectPassThroughs(malformed)).toThrow('x: x-sdk-method must be "<resource>.<method>" in camelCase, got "Shelves-items"');
    const twice = shopSpec({ "/x": { get: { operationId: "x", "x-sdk-method": "shelves.item", responses: { "200": ok } } } });
    expect(() => collectPassThroughs(twice)).toThrow("x-sdk-method shelves.item names both get_item and x");
  });

  it("is a module with no classes for a spec that names no methods", () => {
    expect(generateResourceBases({ openapi: "3.1.0", paths: {} }, facade)).toContain("export {};");
  });
});
