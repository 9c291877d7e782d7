import { type GlobalSetupContext, startPrism } from "@openapp/testing";

/** One `prism mock --errors` per vendor spec for the whole run; the tests run the built CLI against them. */
export default async function setup(context: GlobalSetupContext): Promise<() => Promise<void>> {
  const specs = { openapp: "openapi/openapp/openapi.json", omlet: "openapi/omlet/openapi.yaml", overkiz: "openapi/overkiz/openapi.yaml" };
  const started = await Promise.allSettled(Object.values(specs).map((spec) => startPrism({ spec })));
  const stopAll = () => Promise.all(started.map((result) => (result.status === "fulfilled" ? result.value.stop() : undefined))).then(() => undefined);
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  Object.keys(specs).forEach((vendor, i) => context.provide(`${vendor}Prism`, (started[i] as PromiseFulfilledResult<{ url: string }>).value.url));
  return stopAll;
}
