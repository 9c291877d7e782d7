/**
 * Heap in use once garbage is collected and finalizers have run (undici drops the abort listener
 * it put on a caller's signal from a finalizer). Needs node `--expose-gc` (vitest `execArgv`).
 */
export async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("measuring heap needs node --expose-gc (vitest execArgv)");
  for (let round = 0; round < 4; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}
