import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const srcDir = join(import.meta.dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("main entry", () => {
  it("imports nothing Node-only, so it runs in browsers and edge runtimes", () => {
    const nodeOnly = (file: string) => {
      const path = relative(srcDir, file);
      return path === "node.ts" || path.startsWith("node/");
    };
    const offenders = sourceFiles(srcDir)
      .filter((file) => !nodeOnly(file))
      .filter((file) => /from\s+["'](node:|undici)|\bBuffer\b|\brequire\(/.test(readFileSync(file, "utf8")))
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });
});
