import type { RequestOptions } from "@openapp/core";
import type { components } from "@openapp/overkiz-generated";
import { describe, expectTypeOf, it } from "vitest";
import type {
  DataType,
  DirectoryGateway,
  EventStreamParams,
  Device,
  ExecutionMode,
  ExecutionState,
  ExecutionSubType,
  ExecutionType,
  OverkizClient,
  OverkizEvent,
  ProductType,
  Place,
  Setup,
  State,
} from "../src/index.js";

type Schemas = components["schemas"];

describe("public types", () => {
  it("derives answers from the spec", () => {
    expectTypeOf<OverkizClient["getSetup"]>().returns.resolves.toEqualTypeOf<Setup>();
    expectTypeOf<Setup["devices"]>().toEqualTypeOf<Device[]>();
    // Places are typed models now (nested subPlaces always an array), supersets of the wire shape.
    expectTypeOf<Setup["rootPlace"]>().toEqualTypeOf<Place | undefined>();
    expectTypeOf<OverkizClient["getPlaces"]>().returns.resolves.toEqualTypeOf<Place>();
    expectTypeOf<Place>().toMatchTypeOf<Schemas["Place"]>();
    expectTypeOf<OverkizClient["getLocalTokens"]>().returns.resolves.toEqualTypeOf<Schemas["LocalToken"][]>();
    expectTypeOf<OverkizClient["getState"]>().returns.resolves.toEqualTypeOf<State[]>();
    expectTypeOf<OverkizClient["searchReferenceDevices"]>().parameter(0).toEqualTypeOf<Schemas["DeviceSearchCriteria"]>();
  });

  it("takes RequestOptions last", () => {
    expectTypeOf<OverkizClient["getDevices"]>().parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf<OverkizClient["executeActionGroup"]>().parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf<OverkizClient["getDeviceState"]>().parameter(2).toEqualTypeOf<RequestOptions | undefined>();
  });

  it("keeps the SDK enums in step with the spec", () => {
    expectTypeOf<Exclude<Schemas["ExecutionState"], ExecutionState>>().toBeNever();
    expectTypeOf<Exclude<Schemas["ExecutionType"], ExecutionType>>().toBeNever();
    expectTypeOf<Exclude<Schemas["ExecutionSubType"], ExecutionSubType>>().toBeNever();
    expectTypeOf<ExecutionMode>().toEqualTypeOf<Schemas["ExecutionMode"]>();
    expectTypeOf<DataType>().toEqualTypeOf<Schemas["DataType"]>();
    expectTypeOf<ProductType>().toEqualTypeOf<Schemas["ProductType"]>();
  });

  it("narrows events by kind", () => {
    const narrow = (event: OverkizEvent) => {
      if (event.kind === "deviceStateChanged") expectTypeOf(event.deviceStates).toEqualTypeOf<State[]>();
      if (event.kind === "executionStateChanged") expectTypeOf(event.newState).toEqualTypeOf<ExecutionState>();
      if (event.kind === "gateway") expectTypeOf(event.gatewayId).toEqualTypeOf<string>();
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it("types the runtime features", () => {
    expectTypeOf<OverkizClient["events"]>().parameter(0).toEqualTypeOf<EventStreamParams | undefined>();
    expectTypeOf<ReturnType<OverkizClient["events"]>>().toEqualTypeOf<AsyncGenerator<OverkizEvent, void, undefined>>();
    expectTypeOf<OverkizClient["pendingActionsCount"]>().toEqualTypeOf<number>();
    expectTypeOf<OverkizClient["flushActionQueue"]>().returns.resolves.toBeVoid();
    expectTypeOf<OverkizClient["discoverGateways"]>().returns.resolves.toEqualTypeOf<DirectoryGateway[]>();
    expectTypeOf<OverkizClient["executeActionGroup"]>().returns.resolves.toEqualTypeOf<string>();
  });
});

describe("catalogue names and the device handle", () => {
  it("autocompletes names and still takes any string", () => {
    expectTypeOf<"core:ClosureState">().toMatchTypeOf<import("../src/index.js").StateName>();
    expectTypeOf<"vendor:BrandNewState">().toMatchTypeOf<import("../src/index.js").StateName>();
    expectTypeOf<"setClosure">().toMatchTypeOf<import("../src/index.js").KnownCommandName>();
  });

  it("types a profile's commands and parameters", () => {
    const client = {} as OverkizClient;
    const shutter = client.device<"StatefulCloseableShutter">("io://1/2");
    expectTypeOf(shutter.execute<"setClosure">).parameters.toEqualTypeOf<[name: "setClosure", number]>();
    expectTypeOf(shutter.execute<"stop">).parameters.toEqualTypeOf<[name: "stop"]>();
    // @ts-expect-error setClosure takes a number
    void shutter.execute("setClosure", "40");
    const fan = client.device<"StatefulAirFanMode">("io://1/3");
    // The profile's values are offered; others are left to the device's own definition at run time.
    expectTypeOf(fan.execute<"setFanSpeedMode">).parameters.toEqualTypeOf<[name: "setFanSpeedMode", "low" | "high" | (string & {})]>();
    void fan.execute("setFanSpeedMode", "high");
    void client.device<"HeatingLevel">("io://1/5").execute("setHeatingLevel", "frostprotection");
    // @ts-expect-error setFanSpeedMode takes a string
    void fan.execute("setFanSpeedMode", 2);
    // Names the profile does not list are still accepted, with any parameters.
    void fan.execute("setCustomMode", 1, "x");
    void client.device("io://1/4").execute("anything", 1, 2, 3);
  });
});
