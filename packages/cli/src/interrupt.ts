/** Ctrl-C for long-running commands: a signal that aborts on SIGINT/SIGTERM, released when the command ends. */

export interface Interrupt {
  readonly signal: AbortSignal;
  /** Takes the process signal handlers off again. */
  release(): void;
}

export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return {
    signal: controller.signal,
    release() {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    },
  };
}

/** Whether an error is only the interrupt ending a stream (a clean stop, exit 0). */
export function isInterruption(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && (error as { name?: unknown } | null)?.name === "AbortError";
}
