import type { RequestOptions } from "@openapp/core";
import type { OverkizContext } from "../client.js";
import type {
  ControllableType,
  Definition,
  DeviceSearchCriteria,
  DeviceSearchResult,
  ProtocolType,
  Timezone,
  UIProfileDefinition,
} from "../models/wire-types.js";
import { checkedId } from "./shared.js";

export function referenceResource(ctx: OverkizContext) {
  const { kit } = ctx;
  return {
    async getReferenceControllable(controllableName: string, options?: RequestOptions): Promise<Definition> {
      return kit.call("getReferenceControllable", { path: { controllableName: checkedId("controllableName", controllableName) } }, options);
    },
    async getReferenceControllableTypes(options?: RequestOptions): Promise<ControllableType[]> {
      return kit.call("getReferenceControllableTypes", {}, options);
    },
    async searchReferenceDevices(criteria: DeviceSearchCriteria, options?: RequestOptions): Promise<DeviceSearchResult> {
      return kit.call("searchReferenceDevices", { body: criteria }, options);
    },
    async getReferenceProtocolTypes(options?: RequestOptions): Promise<ProtocolType[]> {
      return kit.call("getReferenceProtocolTypes", {}, options);
    },
    async getReferenceTimezones(options?: RequestOptions): Promise<Timezone[]> {
      return kit.call("getReferenceTimezones", {}, options);
    },
    async getReferenceUiClasses(options?: RequestOptions): Promise<string[]> {
      return kit.call("getReferenceUiClasses", {}, options);
    },
    async getReferenceUiClassifiers(options?: RequestOptions): Promise<string[]> {
      return kit.call("getReferenceUiClassifiers", {}, options);
    },
    async getReferenceUiProfile(profileName: string, options?: RequestOptions): Promise<UIProfileDefinition> {
      return kit.call("getReferenceUiProfile", { path: { profileName: checkedId("profileName", profileName) } }, options);
    },
    async getReferenceUiProfileNames(options?: RequestOptions): Promise<string[]> {
      return kit.call("getReferenceUiProfileNames", {}, options);
    },
    async getReferenceUiWidgets(options?: RequestOptions): Promise<string[]> {
      return kit.call("getReferenceUiWidgets", {}, options);
    },
  };
}

export type ReferenceResource = ReturnType<typeof referenceResource>;
