import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The monorepo root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function repoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

export const fromRepo = (path: string) => resolve(repoRoot(), path);
