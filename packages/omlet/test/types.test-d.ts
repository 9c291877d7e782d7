import { expectTypeOf, test } from "vitest";
import type {
  AccessLevel,
  ActionResult,
  ConfigurationPatch,
  Device,
  OmletClient,
  OmletWebhookEvent,
  RequestOptions,
} from "../src/index.js";

test("public signatures stay as documented", () => {
  expectTypeOf<OmletClient["getDevices"]>().returns.toEqualTypeOf<Promise<Device[]>>();
  expectTypeOf<OmletClient["getDeviceById"]>().parameters.toEqualTypeOf<[deviceId: string, options?: RequestOptions]>();
  expectTypeOf<OmletClient["login"]>().returns.toEqualTypeOf<Promise<string>>();
  expectTypeOf<OmletClient["updateConfiguration"]>().parameter(1).toEqualTypeOf<ConfigurationPatch>();
  expectTypeOf<OmletClient["performAction"]>().returns.toEqualTypeOf<Promise<ActionResult>>();
  expectTypeOf<ReturnType<OmletClient["door"]>>().toHaveProperty("stop");
  expectTypeOf<ReturnType<OmletClient["fan"]>>().toHaveProperty("boost");
  expectTypeOf<OmletClient["parseWebhookEvent"]>().returns.toEqualTypeOf<OmletWebhookEvent>();
});

test("wire types accept what devices really send", () => {
  type Connectivity = NonNullable<NonNullable<Device["state"]>["connectivity"]>;
  expectTypeOf<Connectivity["wifiStrength"]>().toEqualTypeOf<number | string | undefined>();
  expectTypeOf<Device["nextConnection"]>().toEqualTypeOf<string | null | undefined>();
  expectTypeOf<Device["deviceId"]>().toEqualTypeOf<string>();
  expectTypeOf<Device["state"]>().toEqualTypeOf<NonNullable<Device["state"]> | undefined>();
  expectTypeOf<AccessLevel>().toEqualTypeOf<"Admin" | "User">();
  // Deep-partial: one field of one section is a complete update.
  expectTypeOf<{ door: { openTime: string } }>().toExtend<ConfigurationPatch>();
});
