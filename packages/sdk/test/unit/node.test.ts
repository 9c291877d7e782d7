import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { executeFile, fileFromPath } from "../../src/node.js";
import { json, scriptedFetch, testClient } from "../helpers.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "openapp-sdk-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SCRIPT = 'let door = "01HZX7A1D5G9K3P7S1W5Z9C3F7";\nentity_action(door, "switchable.open", #{});\n"opened " + door\n';

describe("executeFile", () => {
  it("posts the text of a .openapp file, without a byte-order mark", async () => {
    const path = join(dir, "open-lobby.openapp");
    await writeFile(path, `\uFEFF${SCRIPT}`, "utf8");
    const { fetch, requests } = scriptedFetch(json(200, { result: "opened 01HZX7A1D5G9K3P7S1W5Z9C3F7" }));

    expect(await executeFile(testClient(fetch), path)).toEqual({ result: "opened 01HZX7A1D5G9K3P7S1W5Z9C3F7" });
    expect(requests[0]?.url.pathname).toBe("/api/v1/scripting/execute");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ script: SCRIPT });
  });

  it.each([["setup.sh"], ["script.openapp.txt"], ["openapp"]])("refuses %s without reading or sending it", async (name) => {
    const path = join(dir, name);
    await writeFile(path, "echo hi", "utf8");
    const { fetch, requests } = scriptedFetch(json(200, {}));
    await expect(executeFile(testClient(fetch), path)).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it("reports a missing file as a ValidationError", async () => {
    const { fetch } = scriptedFetch(json(200, {}));
    await expect(executeFile(testClient(fetch), join(dir, "missing.OPENAPP"))).rejects.toThrow(/Cannot read script/);
  });
});

describe("file-path uploads", () => {
  it("uploads an image opened with fileFromPath", async () => {
    const path = join(dir, "gate.png");
    await writeFile(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const files: File[] = [];
    const fetch = async (request: Request) => {
      files.push((await request.formData()).get("file") as File);
      return new Response(JSON.stringify({ url: "https://media.openapp.example/g", expires_in_seconds: 60 }), {
        headers: { "content-type": "application/json" },
      });
    };
    await testClient(fetch).devices.uploadImage("d1", await fileFromPath(path));
    expect(files[0]).toMatchObject({ name: "gate.png", type: "image/png", size: 10 });
  });
});
