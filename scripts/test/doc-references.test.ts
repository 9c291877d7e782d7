import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fromRepo, repoRoot } from "@openapp/testing";
import { describe, expect, it } from "vitest";

/** Document names as prose and comments cite them: `ARCHITECTURE.md`, `DEVIATIONS.md`, `README.md`. */
const CITED_DOCUMENT = /\b[A-Z][A-Z0-9_-]*\.md\b/g;
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|md|ya?ml|json)$/;

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot(), encoding: "utf8" }).split("\0").filter(Boolean);
}

describe("documents the repository cites", () => {
  it("are all in the repository", () => {
    const files = trackedFiles();
    const documents = new Set(files.filter((file) => file.endsWith(".md")).map((file) => basename(file)));
    const missing: string[] = [];
    for (const file of files.filter((name) => TEXT_FILE.test(name) && name !== "pnpm-lock.yaml")) {
      const text = readFileSync(fromRepo(file), "utf8");
      for (const [cited] of text.matchAll(CITED_DOCUMENT)) {
        if (!documents.has(cited)) missing.push(`${file} cites ${cited}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
