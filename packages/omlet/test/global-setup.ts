import { prismGlobalSetup } from "@openapp/testing";

declare module "vitest" {
  interface ProvidedContext {
    omletPrismUrl: string;
  }
}

// Spelled out because @openapp/testing does not export its context type (declaration emit needs a name).
type GlobalSetup = (context: { provide(key: string, value: unknown): void }) => Promise<() => Promise<void>>;

const setup: GlobalSetup = prismGlobalSetup({ spec: "openapi/omlet/openapi.yaml", provideAs: "omletPrismUrl" });
export default setup;
