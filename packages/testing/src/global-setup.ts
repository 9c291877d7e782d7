import { startPrism, type PrismOptions } from "./prism.js";

/** The part of vitest's globalSetup context this setup uses. */
export interface GlobalSetupContext {
  provide(key: string, value: unknown): void;
}

/**
 * A vitest globalSetup that runs `prism mock --errors` for the whole test run.
 * Usage in test/global-setup.ts: `export default prismGlobalSetup({ spec, provideAs: "prismUrl" })`.
 */
export function prismGlobalSetup(options: PrismOptions & { provideAs: string }) {
  return async function setup(context: GlobalSetupContext): Promise<() => Promise<void>> {
    const prism = await startPrism(options);
    context.provide(options.provideAs, prism.url);
    return () => prism.stop();
  };
}
