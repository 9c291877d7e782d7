import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined;

/** The process's `gc`, turned on for this process when node was started without `--expose-gc`. */
function garbageCollector(): () => void {
  collect ??= (globalThis as { gc?: () => void }).gc;
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  return collect;
}

/**
 * Heap in use once garbage is collected and finalizers have run (undici drops the abort listener
 * it put on a caller's signal from a finalizer).
 */
export async function settledHeap(): Promise<number> {
  const gc = garbageCollector();
  for (let round = 0; round < 4; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}
