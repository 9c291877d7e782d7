import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serializeBody, ValidationError } from "../src/index.js";
import { fileFromPath } from "../src/node.js";

describe("fileFromPath", () => {
  const dir = mkdtempSync(join(tmpdir(), "core-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opens a local file with its name and a type from the extension", async () => {
    const path = join(dir, "porch.png");
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const file = await fileFromPath(path);
    expect(file.name).toBe("porch.png");
    expect(file.type).toBe("image/png");
    expect(file.size).toBe(4);
    const form = serializeBody({ file }) as FormData;
    expect((form.get("file") as File).name).toBe("porch.png");
  });

  it("lets the caller override name and type", async () => {
    const path = join(dir, "script.openapp");
    writeFileSync(path, "let x = 1;");
    const file = await fileFromPath(path, { filename: "main.rhai", contentType: "text/x-rhai" });
    expect([file.name, file.type, await file.text()]).toEqual(["main.rhai", "text/x-rhai", "let x = 1;"]);
  });

  it("rejects directories and missing files with ValidationError", async () => {
    await expect(fileFromPath(dir)).rejects.toBeInstanceOf(ValidationError);
    await expect(fileFromPath(join(dir, "absent.jpg"))).rejects.toBeInstanceOf(ValidationError);
  });
});
