interface ProcessLike {
  env?: Record<string, string | undefined>;
}

/** Reads an environment variable without importing `node:process`, so browsers get undefined. */
export function readEnv(name: string): string | undefined {
  const processLike = (globalThis as { process?: ProcessLike }).process;
  const value = processLike?.env?.[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
