import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError, rawClientDefaults, unwrap } from "../src/index.js";

function recordingFetch(status = 200, body: unknown = { ok: true }) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { requests, fetch };
}

describe("rawClientDefaults with openapi-fetch", () => {
  it("flattens object query parameters form/explode and percent-encodes path parameters", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createClient<any>({ ...rawClientDefaults, baseUrl: "https://api.test/v1", fetch });
    await client.GET("/setup/devices/{deviceURL}", {
      params: { path: { deviceURL: "io://1234/5" }, query: { pagination: { limit: 50, offset: 100 }, q: undefined } },
    });
    expect(requests[0]?.url).toBe("https://api.test/v1/setup/devices/io%3A%2F%2F1234%2F5?limit=50&offset=100");
  });

  it("rejects '..' as a path parameter before any request", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createClient<any>({ ...rawClientDefaults, baseUrl: "https://api.test", fetch });
    await expect(client.GET("/devices/{id}", { params: { path: { id: ".." } } })).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it("sends an object holding a Blob as multipart with a runtime-generated boundary", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createClient<any>({ ...rawClientDefaults, baseUrl: "https://api.test", fetch });
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], "door.jpg", { type: "image/jpeg" });
    await client.POST("/devices/{id}/image", { params: { path: { id: "d1" } }, body: { file } });
    const request = requests[0] as Request;
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    const sent = form.get("file") as File;
    expect(sent.name).toBe("door.jpg");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
  });

  it("sends url-encoded forms when the content type says so", async () => {
    const { requests, fetch } = recordingFetch();
    const client = createClient<any>({ ...rawClientDefaults, baseUrl: "https://api.test", fetch });
    await client.POST("/login", {
      body: { userId: "a@b.c", userPassword: "p&ss" },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(await requests[0]?.text()).toBe("userId=a%40b.c&userPassword=p%26ss");
  });
});

describe("unwrap", () => {
  it("returns the data of a successful call", async () => {
    const { fetch } = recordingFetch(200, { id: "x" });
    const client = createClient<any>({ ...rawClientDefaults, baseUrl: "https://api.test", fetch });
    await expect(unwrap(client.GET("/x", {}))).resolves.toEqual({ id: "x" });
  });

  it("turns an error result of a raw client into a typed ApiError", async () => {
    const { fetch } = recordingFetch(404, { message: "device not found" });
    const client = createClient<any>({ ...rawClientDefaults, baseUrl: "https://api.test", fetch });
    const error = await unwrap(client.GET("/x", {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe("device not found");
  });
});
