import { prismGlobalSetup } from "@openapp/testing";

declare module "vitest" {
  interface ProvidedContext {
    openappV1PrismUrl: string;
  }
}

// Spelled out because declaration emit needs a nameable type for the default export.
type GlobalSetup = (context: { provide(key: string, value: unknown): void }) => Promise<() => Promise<void>>;

// The OpenApp 1.0 spec, for the 1.0 contract tests.
const setup: GlobalSetup = prismGlobalSetup({ spec: "openapi/openapp-v1/openapi.yaml", provideAs: "openappV1PrismUrl" });
export default setup;
