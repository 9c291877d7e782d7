import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The rooms of the façade, read from its source: who may import whom.
const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** Each source file (relative to src) → the source files it imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+)\.js"/g)].map((match) =>
      relative(src, resolve(dirname(file), `${match[1]}.ts`)),
    );
    graph.set(relative(src, file), targets);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("source rooms", () => {
  const graph = importGraph();

  it("has no import cycle, type-only imports included", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("lets only the entry point import the client; resources, models and machinery hold the context", () => {
    const importers = [...graph].filter(([, targets]) => targets.includes("client.ts")).map(([file]) => file);
    expect(importers).toEqual(["index.ts"]);
  });

  it("keeps models free of resources and machinery", () => {
    const reaching = [...graph]
      .filter(([file]) => file.startsWith("models/"))
      .flatMap(([file, targets]) => targets.filter((target) => /^(resources|internal)\//.test(target)).map((target) => `${file} → ${target}`));
    expect(reaching).toEqual([]);
  });
});
