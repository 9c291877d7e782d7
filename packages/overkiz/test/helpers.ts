import { type Answer, json, routedFetch } from "@openapp/testing";
import type { ServerConfig } from "../src/index.js";

export const TEST_SERVER: ServerConfig = {
  name: "Test cloud",
  endpoint: "https://overkiz.test/enduser-mobile-web/enduserAPI/",
  manufacturer: "Test",
  apiType: "cloud",
};

export { json };

export const LOCAL_TEST_SERVER: ServerConfig = { ...TEST_SERVER, name: "Test gateway", apiType: "local" };

export function overkizError(status: number, errorCode: string, error: string | null): Response {
  return json(status, { errorCode, error });
}

export function loginOk(sessionId = "SESSION-1"): Response {
  return json(200, { success: true, roles: [{ name: "ENDUSER" }] }, {
    "set-cookie": `JSESSIONID=${sessionId}; Path=/enduser-mobile-web; Secure; HttpOnly`,
  });
}

/** @openapp/testing's routed fetch double, routing by the path below the Overkiz API base. */
export function scriptedFetch(script: Record<string, Answer[]>) {
  return routedFetch(script, (url) => url.pathname.replace(/^\/enduser-mobile-web\/(1\/)?enduserAPI/, ""));
}

export const SHUTTER_URL = "io://0815-4711-2301/6112754";

export function wireDevice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    deviceURL: SHUTTER_URL,
    label: "Living room shutter",
    controllableName: "io:RollerShutterGenericIOComponent",
    definition: {
      commands: [
        { commandName: "close", nparams: 0 },
        { commandName: "open", nparams: 0 },
        { commandName: "setClosure", nparams: 1 },
      ],
      states: [{ qualifiedName: "core:ClosureState", type: "ContinuousState" }],
      widgetName: "PositionableRollerShutter",
      uiClass: "RollerShutter",
    },
    states: [
      { name: "core:ClosureState", type: 1, value: 35 },
      { name: "core:OpenClosedState", type: 3, value: "open" },
    ],
    available: true,
    enabled: true,
    type: 1,
    uiClass: "RollerShutter",
    widget: "PositionableRollerShutter",
    ...overrides,
  };
}
