import { prismGlobalSetup } from "@openapp/testing";

declare module "vitest" {
  interface ProvidedContext {
    openappPrismUrl: string;
  }
}

// Spelled out because declaration emit needs a nameable type for the default export.
type GlobalSetup = (context: { provide(key: string, value: unknown): void }) => Promise<() => Promise<void>>;

const setup: GlobalSetup = prismGlobalSetup({ spec: "openapi/openapp/openapi.json", provideAs: "openappPrismUrl" });
export default setup;
