import { type GlobalSetupContext, prismGlobalSetup } from "@openapp/testing";

declare module "vitest" {
  interface ProvidedContext {
    openappV1PrismUrl: string;
  }
}

const setup: (context: GlobalSetupContext) => Promise<() => Promise<void>> = prismGlobalSetup({
  spec: "openapi/openapp-v1/openapi.yaml",
  provideAs: "openappV1PrismUrl",
});
export default setup;
