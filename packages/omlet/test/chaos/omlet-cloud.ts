/**
 * A simulated Omlet cloud for chaos tests, written from the vendor's documented behaviour:
 * `GET /device` returns every device with its state; `POST /device/{id}/action/{name}` queues the
 * action (204), the section shows the action's `pendingValue` until the device checks in (mains
 * devices within a step, battery devices a few steps later) and then the settled state; each change
 * is pushed as a webhook, flat or under `payload`, with the portal token, and webhook delivery is
 * hit-or-miss. Faults: 5xx, dropped connections, slow answers, 429 with `Retry-After`.
 *
 * Two random streams: `world` drives what happens (changes, webhook shapes) and replays exactly
 * from a seed; `network` decides each request's fate, in the order requests happen to arrive.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SeededRandom } from "@openapp/testing";
import type { Device } from "../../src/index.js";
import { batteryDoorWithoutLight, doorWithLight, fan, feeder } from "../fixtures/devices.js";

const API_PATH = "/api/v1";

/** How often each fault hits one request, and how slow a slow answer is. */
export interface FaultRates {
  serverError: number;
  dropConnection: number;
  slow: number;
  tooManyRequests: number;
  /** A slow answer waits this long; longer than the client's timeout makes it a timeout. */
  slowMs: readonly [min: number, max: number];
}

export const NO_FAULTS: FaultRates = { serverError: 0, dropConnection: 0, slow: 0, tooManyRequests: 0, slowMs: [0, 0] };

/** One webhook the cloud means to push: the event and how the token travels. */
export interface WebhookDelivery {
  body: string;
  headers: Record<string, string>;
  query: string;
}

/** The header a test puts on an action call so the cloud can count the POSTs each call caused. */
export const CALL_HEADER = "x-chaos-call";

type Section = "door" | "light" | "fan" | "feeder";
const SECTIONS: readonly Section[] = ["door", "light", "fan", "feeder"];
interface Pending {
  deviceId: string;
  section: Section;
  target: string;
  dueStep: number;
}

const SETTLED: Record<Section, readonly string[]> = { door: ["open", "closed"], light: ["on", "off"], fan: ["on", "off"], feeder: ["open", "closed"] };
const ACTION_TARGETS: Record<string, string> = { open: "open", close: "closed", on: "on", off: "off" };
const ACTION_PATH = /^\/device\/([^/]+)\/action\/([^/]+)$/;
const SECTION_OF: Record<string, Section> = { open: "door", close: "door", stop: "door", on: "light", off: "light" };

/** A copy of a fixture device under another id, its action urls following. */
function renamed(device: Device, deviceId: string, name: string): Device {
  const copy = structuredClone(device);
  copy.deviceId = deviceId;
  copy.name = name;
  for (const action of copy.actions ?? []) action.url = `/device/${deviceId}/action/${action.actionName}`;
  return copy;
}

/** Three coops: two mains doors with lights, a battery door, a fan and a feeder. */
function farm(): Device[] {
  return [
    doorWithLight("closed"),
    renamed(doorWithLight("open"), "Hn3vTq8ZrP1wXk5M", "Lower coop"),
    batteryDoorWithoutLight("closed"),
    fan("off"),
    feeder(),
  ];
}

function isMains(device: Device): boolean {
  return device.state?.general?.powerSource !== "internal";
}

function sectionOf(device: Device, section: Section): { state?: unknown } | undefined {
  return (device.state as Record<string, { state?: unknown } | undefined> | undefined)?.[section];
}

export class OmletCloud {
  readonly #world: SeededRandom;
  readonly #network: SeededRandom;
  readonly #token: string;
  readonly #devices = new Map<string, Device>();
  readonly #pending: Pending[] = [];
  readonly #server: Server;
  #faults: FaultRates = NO_FAULTS;
  #step = 0;
  #handling = 0;
  #idle: Array<() => void> = [];
  /** Action POSTs received (whatever their fate), per value of {@link CALL_HEADER}. */
  readonly actionPosts = new Map<string, number>();
  /** Answers given, by kind, for the report. */
  readonly served = { reads: 0, actions: 0, serverErrors: 0, dropped: 0, slow: 0, tooMany: 0 };
  url = "";

  constructor(world: SeededRandom, network: SeededRandom, token: string) {
    this.#world = world;
    this.#network = network;
    this.#token = token;
    for (const device of farm()) this.#devices.set(device.deviceId, device);
    this.#server = createServer((request, response) => {
      this.#handling++;
      void this.#handle(request, response).finally(() => {
        if (--this.#handling === 0) for (const resolve of this.#idle.splice(0)) resolve();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${API_PATH}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /**
   * Settles when no request is being answered: a slow answer the client gave up on still lands
   * its action when the cloud gets to it, as a real cloud would.
   */
  idle(): Promise<void> {
    if (this.#handling === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  set faults(rates: FaultRates) {
    this.#faults = rates;
  }

  /** Every device as the cloud knows it now. */
  truth(): Device[] {
    return structuredClone([...this.#devices.values()]);
  }

  /** Devices of a type, for the app to act on. */
  deviceIds(type: string): string[] {
    return [...this.#devices.values()].filter((device) => device.deviceType === type).map((device) => device.deviceId);
  }

  /**
   * One step of the world: queued actions land when their device checks in, and devices change
   * on their own (schedules, the Omlet app, the light sensor). Returns the webhooks the cloud
   * would push for those changes; delivery is the caller's.
   */
  advance(changeRate: number): WebhookDelivery[] {
    this.#step++;
    const events: WebhookDelivery[] = [];
    for (const pending of this.#pending.splice(0)) {
      if (pending.dueStep > this.#step) this.#pending.push(pending);
      else events.push(...this.#set(pending.deviceId, pending.section, pending.target));
    }
    for (const device of this.#devices.values()) {
      if (!this.#world.chance(changeRate)) continue;
      const section = this.#world.pick(SECTIONS.filter((name) => sectionOf(device, name) !== undefined));
      if (this.#pending.some((p) => p.deviceId === device.deviceId && p.section === section)) continue;
      const current = sectionOf(device, section)?.state;
      const next = SETTLED[section].find((value) => value !== current) as string;
      events.push(...this.#set(device.deviceId, section, next));
    }
    return events;
  }

  /** Lands every queued action now: the quiet end of a run. */
  settleAll(): WebhookDelivery[] {
    this.#step += 1_000;
    return this.advance(0);
  }

  #set(deviceId: string, section: Section, value: string): WebhookDelivery[] {
    const device = this.#devices.get(deviceId);
    const part = device && sectionOf(device, section);
    if (!part || part.state === value) return [];
    const oldValue = part.state;
    part.state = value;
    return [this.#webhook({ deviceId, parameterSetName: section, parameterName: "state", oldValue, newValue: value, created_at: new Date().toISOString() })];
  }

  /** The event with the portal token in one of the places integrations read it. */
  #webhook(event: Record<string, unknown>): WebhookDelivery {
    const token = this.#token;
    const nested = this.#world.chance(0.5);
    const placement = this.#world.int(4);
    const body = nested ? { payload: { ...event, ...(placement === 0 ? { webhookToken: token } : {}) } } : { ...event, ...(placement === 0 ? { token } : {}) };
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (placement === 1) headers.authorization = `Bearer ${token}`;
    if (placement === 2) headers["x-omlet-webhook-token"] = ` ${token} `;
    return { body: JSON.stringify(body), headers, query: placement === 3 ? `?token=${token}` : "" };
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for await (const _chunk of request);
    const path = (request.url ?? "").replace(API_PATH, "");
    if (request.method === "POST" && ACTION_PATH.test(path)) this.#countAction(request.headers[CALL_HEADER]);
    const fault = this.#fault();
    if (fault === "slow") await new Promise((resolve) => setTimeout(resolve, this.#slowMs()));
    if (fault === "tooMany") return void this.#send(response, 429, { message: "Too many requests" }, { "retry-after": "0" });
    // A 5xx or a dropped connection may come before or after the action was queued.
    const afterwards = this.#network.chance(0.5);
    if ((fault === "error" || fault === "drop") && !afterwards) return this.#fail(fault, response);
    const answer = this.#route(request.method ?? "GET", path);
    if (fault === "error" || fault === "drop") return this.#fail(fault, response);
    if (response.destroyed) return;
    this.#send(response, answer.status, answer.body);
  }

  #countAction(call: string | string[] | undefined): void {
    this.served.actions++;
    if (typeof call === "string") this.actionPosts.set(call, (this.actionPosts.get(call) ?? 0) + 1);
  }

  #route(method: string, path: string): { status: number; body?: unknown } {
    if (method === "GET" && path === "/device") {
      this.served.reads++;
      return { status: 200, body: [...this.#devices.values()] };
    }
    const action = ACTION_PATH.exec(path);
    if (method === "POST" && action) {
      return this.#queueAction(decodeURIComponent(action[1] as string), decodeURIComponent(action[2] as string));
    }
    return { status: 404, body: { message: `no route ${method} ${path}` } };
  }

  #queueAction(deviceId: string, actionName: string): { status: number; body?: unknown } {
    const device = this.#devices.get(deviceId);
    const action = device?.actions?.find((candidate) => candidate.actionName === actionName);
    const section = SECTION_OF[actionName];
    const target = ACTION_TARGETS[actionName];
    if (!device || !action || !section || !target) return { status: 404, body: { message: "Not found" } };
    const part = sectionOf(device, section);
    if (part && typeof action.pendingValue === "string") part.state = action.pendingValue;
    const checkIn = isMains(device) ? 1 : 2 + this.#network.int(3);
    const others = this.#pending.filter((p) => !(p.deviceId === deviceId && p.section === section));
    this.#pending.splice(0, this.#pending.length, ...others, { deviceId, section, target, dueStep: this.#step + checkIn });
    return { status: 204 };
  }

  #fault(): "error" | "drop" | "slow" | "tooMany" | undefined {
    const { serverError, dropConnection, slow, tooManyRequests } = this.#faults;
    const roll = this.#network.next();
    if (roll < serverError) return "error";
    if (roll < serverError + dropConnection) return "drop";
    if (roll < serverError + dropConnection + slow) return "slow";
    if (roll < serverError + dropConnection + slow + tooManyRequests) return "tooMany";
    return undefined;
  }

  #slowMs(): number {
    this.served.slow++;
    const [min, max] = this.#faults.slowMs;
    return min + this.#network.int(max - min + 1);
  }

  #fail(fault: "error" | "drop", response: ServerResponse): void {
    if (fault === "drop") {
      this.served.dropped++;
      response.socket?.destroy();
      return;
    }
    this.served.serverErrors++;
    this.#send(response, this.#network.pick([500, 502, 503]), { message: "Service temporarily unavailable" });
  }

  #send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    if (response.destroyed) return;
    if (status === 429) this.served.tooMany++;
    if (body === undefined) return void response.writeHead(status, headers).end();
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  }
}
