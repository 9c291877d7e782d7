import { type GlobalSetupContext, prismGlobalSetup } from "@openapp/testing";

declare module "vitest" {
  interface ProvidedContext {
    openappPrismUrl: string;
  }
}

const setup: (context: GlobalSetupContext) => Promise<() => Promise<void>> = prismGlobalSetup({
  spec: "openapi/openapp/openapi.json",
  provideAs: "openappPrismUrl",
});
export default setup;
