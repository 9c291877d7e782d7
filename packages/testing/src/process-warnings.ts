/** What `recordProcessWarnings()` returns. */
export interface ProcessWarningRecorder {
  /** Stops recording and returns every warning seen, as `Name: message`, after letting pending ones arrive. */
  stop(): Promise<string[]>;
}

/**
 * Records the warnings the process emits (e.g. `MaxListenersExceededWarning`) from now until
 * `stop()`, so a test can assert that the code under test printed none.
 */
export function recordProcessWarnings(): ProcessWarningRecorder {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on("warning", onWarning);
  return {
    async stop() {
      // Node emits a warning on a later tick than the call that caused it.
      await new Promise((resolve) => process.nextTick(resolve));
      process.off("warning", onWarning);
      return warnings;
    },
  };
}
