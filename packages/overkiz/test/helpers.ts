import type { Logger } from "@openapp/core";
import type { ServerConfig } from "../src/index.js";

export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

type Answer = Response | ((request: Request) => Response | Promise<Response>);

export const TEST_SERVER: ServerConfig = {
  name: "Test cloud",
  endpoint: "https://overkiz.test/enduser-mobile-web/enduserAPI/",
  manufacturer: "Test",
  apiType: "cloud",
};

export const LOCAL_TEST_SERVER: ServerConfig = { ...TEST_SERVER, name: "Test gateway", apiType: "local" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function overkizError(status: number, errorCode: string, error: string | null): Response {
  return json({ errorCode, error }, status);
}

export function loginOk(sessionId = "SESSION-1"): Response {
  return json({ success: true, roles: [{ name: "ENDUSER" }] }, 200, {
    "set-cookie": `JSESSIONID=${sessionId}; Path=/enduser-mobile-web; Secure; HttpOnly`,
  });
}

/**
 * An injected fetch that answers by "METHOD /path" (path relative to the API base) from queues
 * of scripted answers, and records every request it saw.
 */
export function scriptedFetch(script: Record<string, Answer[]>) {
  const queues = new Map(Object.entries(script).map(([route, answers]) => [route, [...answers]]));
  const requests: SeenRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/enduser-mobile-web\/(1\/)?enduserAPI/, "");
    const body = request.body ? await request.clone().text() : "";
    requests.push({ method: request.method, path, headers: new Headers(request.headers), body });
    const queue = queues.get(`${request.method} ${path}`);
    const answer = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!answer) throw new Error(`unscripted request ${request.method} ${path}`);
    return typeof answer === "function" ? answer(request) : answer.clone();
  };
  return { fetch, requests, count: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path).length };
}

export function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  const logger: Logger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
  return { logger, lines };
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
