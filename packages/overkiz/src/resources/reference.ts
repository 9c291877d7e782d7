import type { RequestOptions } from "@openapp/core";
import type { ClientCore } from "../internal/client-core.js";
import type {
  ControllableType,
  Definition,
  DeviceSearchCriteria,
  DeviceSearchResult,
  ProtocolType,
  Timezone,
  UIProfileDefinition,
} from "../types.js";
import { checkedId } from "./shared.js";

export function getReferenceControllable(core: ClientCore, controllableName: string, options?: RequestOptions): Promise<Definition> {
  const path = { controllableName: checkedId("controllableName", controllableName) };
  return core.call((fetch) => core.raw.GET("/reference/controllable/{controllableName}", { params: { path }, fetch }), options);
}

export function getReferenceControllableTypes(core: ClientCore, options?: RequestOptions): Promise<ControllableType[]> {
  return core.call((fetch) => core.raw.GET("/reference/controllableTypes", { fetch }), options);
}

export function searchReferenceDevices(core: ClientCore, criteria: DeviceSearchCriteria, options?: RequestOptions): Promise<DeviceSearchResult> {
  return core.call((fetch) => core.raw.POST("/reference/devices/search", { body: criteria, fetch }), options);
}

export function getReferenceProtocolTypes(core: ClientCore, options?: RequestOptions): Promise<ProtocolType[]> {
  return core.call((fetch) => core.raw.GET("/reference/protocolTypes", { fetch }), options);
}

export function getReferenceTimezones(core: ClientCore, options?: RequestOptions): Promise<Timezone[]> {
  return core.call((fetch) => core.raw.GET("/reference/timezones", { fetch }), options);
}

export function getReferenceUiClasses(core: ClientCore, options?: RequestOptions): Promise<string[]> {
  return core.call((fetch) => core.raw.GET("/reference/ui/classes", { fetch }), options);
}

export function getReferenceUiClassifiers(core: ClientCore, options?: RequestOptions): Promise<string[]> {
  return core.call((fetch) => core.raw.GET("/reference/ui/classifiers", { fetch }), options);
}

export function getReferenceUiProfile(core: ClientCore, profileName: string, options?: RequestOptions): Promise<UIProfileDefinition> {
  const path = { profileName: checkedId("profileName", profileName) };
  return core.call((fetch) => core.raw.GET("/reference/ui/profile/{profileName}", { params: { path }, fetch }), options);
}

export function getReferenceUiProfileNames(core: ClientCore, options?: RequestOptions): Promise<string[]> {
  return core.call((fetch) => core.raw.GET("/reference/ui/profileNames", { fetch }), options);
}

export function getReferenceUiWidgets(core: ClientCore, options?: RequestOptions): Promise<string[]> {
  return core.call((fetch) => core.raw.GET("/reference/ui/widgets", { fetch }), options);
}
