import { prismGlobalSetup } from "@openapp/testing";

export default prismGlobalSetup({ spec: "openapi/overkiz/openapi.yaml", provideAs: "overkizPrismUrl" });

declare module "vitest" {
  interface ProvidedContext {
    overkizPrismUrl: string;
  }
}
