import { OmletClient, ValidationError as OmletValidationError } from "@openapp/omlet";
import { OverkizClient, ValidationError as OverkizValidationError } from "@openapp/overkiz";
import { OpenAppClient, ValidationError as OpenAppValidationError } from "@openapp/sdk";
import { describe, expect, it } from "vitest";

/**
 * The kit's two response rules through each façade's public options: a list operation that
 * answers a non-list is always a ValidationError, and `validateResponses: true` checks bodies
 * against the generated zod schemas, naming the operation and the JSON path.
 */

const answer = (body: unknown) => async () =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

interface Vendor {
  name: string;
  ValidationError: abstract new (...args: never[]) => Error;
  client(fetch: () => Promise<Response>, validateResponses?: boolean): { list(): Promise<unknown> };
  listOperation: string;
  good: unknown[];
  /** A list whose first item breaks the schema at `badPath`. */
  bad: unknown[];
  badPath: string;
}

const vendors: Vendor[] = [
  {
    name: "Omlet",
    ValidationError: OmletValidationError,
    client: (fetch, validateResponses) => {
      const omlet = new OmletClient({ apiKey: "omk_test_key_0001", baseUrl: "https://omlet.test/api/v1", fetch, validateResponses, maxRetries: 0 });
      return { list: () => omlet.getDevices() };
    },
    listOperation: "getDevices",
    good: [{ deviceId: "Pz4kWm82QrTd1VxN", name: "Top coop", firmwareChannel: "beta", state: { door: { state: "open", newField: 1 } } }],
    bad: [{ deviceId: 42 }],
    badPath: "$[0].deviceId",
  },
  {
    name: "OpenApp",
    ValidationError: OpenAppValidationError,
    client: (fetch, validateResponses) => {
      const client = new OpenAppClient({ apiKey: "https://api.openapp.test/api/v1_openapp_sk_live_Q8rZ2vLx5Nc1", org: "o1", fetch, validateResponses, maxRetries: 0 });
      return { list: () => client.apiKeys.list() };
    },
    listOperation: "list_api_keys",
    good: [{ id: "k1", name: "ci", token_suffix: "x9Ab", base_url: "https://api.openapp.test/api/v1", expires_at: "2030-01-01T00:00:00Z", extra: true }],
    bad: [{ id: "k1", name: "ci", token_suffix: "x9Ab", base_url: "https://api.openapp.test/api/v1", expires_at: "soon" }],
    badPath: "$[0].expires_at",
  },
  {
    name: "Overkiz",
    ValidationError: OverkizValidationError,
    client: (fetch, validateResponses) => {
      const server = { name: "Test cloud", endpoint: "https://overkiz.test/enduser-mobile-web/enduserAPI/", manufacturer: "Somfy", apiType: "cloud" as const };
      const client = new OverkizClient({ server, credentials: { token: "tok_test_0001" }, fetch, validateResponses, maxRetries: 0 });
      // A method that hands the list back as it came (getDevices parses devices into models).
      return { list: () => client.getDevicesByControllable("io:RollerShutterGenericIOComponent") };
    },
    listOperation: "getDevicesByControllable",
    good: ["io://1234-5678-9012/12345678"],
    bad: [12345678],
    badPath: "$[0]",
  },
];

describe.each(vendors)("$name", (vendor) => {
  it("refuses an object where the operation answers a list, without validateResponses", async () => {
    const error = await vendor.client(answer({ items: vendor.good })).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(vendor.ValidationError);
    expect((error as Error).message).toContain(`${vendor.name} ${vendor.listOperation}: response at $: expected a list`);
  });

  it("does not check fields by default", async () => {
    await expect(vendor.client(answer(vendor.bad)).list()).resolves.toEqual(vendor.bad);
  });

  it("validateResponses names the operation and the JSON path of a mismatch", async () => {
    const error = await vendor.client(answer(vendor.bad), true).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(vendor.ValidationError);
    expect((error as Error).message).toContain(`${vendor.name} ${vendor.listOperation}: response failed validation at ${vendor.badPath}`);
  });

  it("validateResponses keeps unknown fields", async () => {
    await expect(vendor.client(answer(vendor.good), true).list()).resolves.toEqual(vendor.good);
  });
});
