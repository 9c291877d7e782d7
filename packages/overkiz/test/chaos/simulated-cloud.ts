/**
 * A simulated Overkiz cloud on 127.0.0.1, written from the vendor's documented behaviour: a cookie
 * session from `POST /login`; event listeners (`/events/register`, `/{id}/fetch`, `/{id}/unregister`)
 * that receive every event of the setup from their registration on, answer
 * `UNSPECIFIED_ERROR "No registered event listener."` once gone (expired, or their session
 * expired) and accept any id to unregister; `GET /setup`; executions from `POST /exec/apply`
 * (ExecutionRegisteredEvent, then ExecutionStateChangedEvent up to a final state with
 * `timeToNextState: -1`, listed by `GET /exec/current` until then); gateway down, boot and alive
 * events. Faults are drawn from a seeded random source: 5xx before or after the work was done,
 * connections dropped before or after it, answers slower than the client's timeout, listeners and
 * sessions that expire, a gateway reboot (states that change and executions that end without
 * events), bursts of state changes.
 *
 * The simulator keeps the ground truth and counts every loss: an event that left every listener
 * without reaching the client, or a change no event reported. A loss is numbered with the
 * simulator's sequence, so a test can tell whether a setup read came after it.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { readBody, seededRandom } from "@openapp/testing";
import { GATEWAY_ID } from "../fixtures/endpoints.js";
import { shutterDevice } from "../fixtures/shutter.js";

/** How often each fault strikes a request (0 to 1), and the rates of the background chaos. */
export interface FaultRates {
  /** A 503 maintenance page before anything was done. */
  unavailableBefore: number;
  /** A 503 after the work was done (events taken, execution started). */
  unavailableAfter: number;
  /** The connection dropped before anything was done. */
  dropBefore: number;
  /** The connection dropped after the work was done. */
  dropAfter: number;
  /** The answer comes after `slowMs` (past the client's timeout). */
  slow: number;
}

const NO_FAULTS: FaultRates = { unavailableBefore: 0, unavailableAfter: 0, dropBefore: 0, dropAfter: 0, slow: 0 };

export interface SimulatedCloudOptions {
  seed: number;
  /** Devices (roller shutters with a `core:ClosureState`) on the one gateway. */
  devices: number;
  faults: FaultRates;
  /** Delay of a slow answer, in ms. */
  slowMs: number;
  /** A listener not fetched for this long expires (the vendor's idle expiry, scaled down). */
  listenerIdleMs: number;
}

interface QueuedEvent {
  seq: number;
  body: Record<string, unknown>;
  /** Copies still queued in listeners. */
  copies: number;
  /** Copies on their way in an answer. */
  inFlight: number;
  delivered: boolean;
  /** Counted in a loss already. */
  lost: boolean;
}

interface Listener {
  id: string;
  session: string;
  queue: QueuedEvent[];
  lastFetchAt: number;
}

interface SimExecution {
  id: string;
  label: string;
  actions: { deviceURL: string; commands: { name: string; parameters?: unknown[] }[] }[];
  state: "IN_PROGRESS" | "COMPLETED" | "FAILED";
  startTime: number;
  /** Ended by a gateway reboot: no final event was ever sent. */
  silent: boolean;
}

/** What one loss was: its sequence number and how it happened. */
export interface Loss {
  seq: number;
  how: string;
}

export const API_BASE = "/enduser-mobile-web/enduserAPI";
const NOT_AUTHENTICATED = { errorCode: "RESOURCE_ACCESS_DENIED", error: "Not authenticated" };
const LISTENER_GONE = { errorCode: "UNSPECIFIED_ERROR", error: '"No registered event listener."' };
const MAINTENANCE = "<html><body><h1>Service is down for maintenance</h1></body></html>";
const EPOCH = 1_763_712_000_000;

export class SimulatedCloud {
  readonly random: () => number;
  readonly #options: SimulatedCloudOptions;
  #faults: FaultRates;
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #seq = 0;
  #ids = 0;
  readonly #sessions = new Set<string>();
  readonly #listeners = new Map<string, Listener>();
  /** The listener the client follows: the last one whose registration answer reached it. */
  #followed: string | undefined;
  /** Ground truth: closure per device URL. */
  readonly closures = new Map<string, number>();
  gatewayAlive = true;
  readonly executions = new Map<string, SimExecution>();
  readonly losses: Loss[] = [];
  /** Sequence numbers at which `GET /setup` was answered. */
  readonly setupReads: number[] = [];
  /** Labels of every execution that ran (an action sent twice shows as a label twice). */
  readonly executedLabels: string[] = [];
  readonly counts = { requests: 0, events: 0, fetches: 0, faults: 0, listenerExpiries: 0, sessionExpiries: 0, reboots: 0, bursts: 0 };
  /** Unregister calls per listener id. */
  readonly unregistered = new Map<string, number>();

  constructor(options: SimulatedCloudOptions) {
    this.#options = options;
    this.#faults = options.faults;
    this.random = seededRandom(options.seed).next;
    for (let i = 0; i < options.devices; i++) this.closures.set(deviceUrl(i), Math.floor(this.random() * 101));
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  get seq(): number {
    return this.#seq;
  }

  /** Listeners still registered (expired or unregistered ones are gone). */
  get listenerIds(): string[] {
    return [...this.#listeners.keys()];
  }

  get runningExecutions(): SimExecution[] {
    return [...this.executions.values()].filter((execution) => execution.state === "IN_PROGRESS");
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.#handle(request, response));
    server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.#server = server;
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  /** Turns the faults off (the quiet end of a run). */
  calm(): void {
    this.#faults = NO_FAULTS;
  }

  // ─── Background chaos, driven by the test ────────────────────────────────────────────────────

  /** One device moves, reported by an event (skipped while the gateway is down). */
  randomChange(): void {
    if (!this.gatewayAlive) return;
    this.#setClosure(this.#randomDevice(), Math.floor(this.random() * 101));
  }

  burst(size: number): void {
    this.counts.bursts += 1;
    for (let i = 0; i < size; i++) this.randomChange();
  }

  /** One listener disappears with what it held (idle expiry as the vendor does it). */
  /** One listener expires; false when there was none to expire. */
  expireListener(): boolean {
    const ids = this.listenerIds;
    const id = ids[Math.floor(this.random() * ids.length)];
    if (id === undefined) return false;
    this.counts.listenerExpiries += 1;
    this.#dropListener(id, "listener expired");
    return true;
  }

  /** Every session ends; their listeners go with them. */
  expireSessions(): boolean {
    this.counts.sessionExpiries += 1;
    this.#sessions.clear();
    for (const id of this.listenerIds) this.#dropListener(id, "session expired");
    return true;
  }

  /**
   * The gateway reboots: down, then some devices move and the running executions end without any
   * event, then boot and alive.
   */
  /** False when the gateway is already down. */
  reboot(downMs: number): boolean {
    if (!this.gatewayAlive) return false;
    this.counts.reboots += 1;
    this.gatewayAlive = false;
    this.#emit({ name: "GatewayDownEvent", gatewayId: GATEWAY_ID });
    this.#later(downMs, () => {
      let silent = 0;
      for (const url of this.closures.keys()) {
        if (this.random() < 0.3) {
          this.closures.set(url, Math.floor(this.random() * 101));
          silent += 1;
        }
      }
      for (const execution of this.runningExecutions) {
        execution.state = "FAILED";
        execution.silent = true;
        silent += 1;
      }
      if (silent > 0) this.#lose("gateway reboot");
      this.gatewayAlive = true;
      this.#emit({ name: "GatewayBootEvent", gatewayId: GATEWAY_ID });
      this.#emit({ name: "GatewayAliveEvent", gatewayId: GATEWAY_ID });
    });
    return true;
  }

  /** Listeners nobody fetched for a while expire. */
  expireIdleListeners(now: number): void {
    for (const listener of [...this.#listeners.values()]) {
      if (now - listener.lastFetchAt > this.#options.listenerIdleMs) this.#dropListener(listener.id, "idle listener expired");
    }
  }

  // ─── HTTP ────────────────────────────────────────────────────────────────────────────────────

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    this.counts.requests += 1;
    this.#seq += 1;
    const path = new URL(request.url ?? "/", "http://sim.invalid").pathname.replace(API_BASE, "");
    const route = `${request.method} ${path}`;
    const fault = this.#drawFault();
    if (fault === "dropBefore") return void response.socket?.destroy();
    if (fault === "unavailableBefore") return this.#send(response, 503, MAINTENANCE);
    const delay = fault === "slow" ? this.#options.slowMs : 0;
    if (route === "POST /login") return this.#login(response, delay);
    const session = /JSESSIONID=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
    if (session === undefined || !this.#sessions.has(session)) return this.#send(response, 401, NOT_AUTHENTICATED, delay);
    const after = fault === "dropAfter" || fault === "unavailableAfter" ? fault : undefined;
    const fetchMatch = /^POST \/events\/([^/]+)\/fetch$/.exec(route);
    if (fetchMatch) return this.#fetch(response, session, decodeURIComponent(fetchMatch[1] as string), after, delay);
    const unregisterMatch = /^POST \/events\/([^/]+)\/unregister$/.exec(route);
    if (unregisterMatch) {
      const id = decodeURIComponent(unregisterMatch[1] as string);
      this.unregistered.set(id, (this.unregistered.get(id) ?? 0) + 1);
      this.#dropListener(id, "listener unregistered");
      return this.#answer(response, after, 200, [], delay);
    }
    switch (route) {
      case "POST /events/register": {
        const id = `listener-${++this.#ids}`;
        this.#listeners.set(id, { id, session, queue: [], lastFetchAt: Date.now() });
        onDelivered(response, () => {
          this.#followed = id;
        });
        return this.#answer(response, after, 200, { id }, delay);
      }
      case "GET /setup":
        this.setupReads.push(this.#seq);
        return this.#answer(response, after, 200, this.#setup(), delay);
      case "GET /exec/current":
        return this.#answer(response, after, 200, this.runningExecutions.map(wireExecution), delay);
      case "POST /exec/apply":
        this.#apply(JSON.parse(body) as { label?: string; actions: SimExecution["actions"] });
        return this.#answer(response, after, 200, { execId: `exec-${this.#ids}` }, delay);
      default:
        return this.#send(response, 404, { errorCode: "INVALID_API_CALL", error: `No such resource ${route}` });
    }
  }

  #drawFault(): keyof FaultRates | undefined {
    let draw = this.random();
    for (const [fault, rate] of Object.entries(this.#faults) as [keyof FaultRates, number][]) {
      if (draw < rate) {
        this.counts.faults += 1;
        return fault;
      }
      draw -= rate;
    }
    return undefined;
  }

  #login(response: ServerResponse, delay: number): void {
    const session = `session-${++this.#ids}`;
    this.#sessions.add(session);
    this.#send(response, 200, { success: true, roles: [{ name: "ENDUSER" }] }, delay, { "set-cookie": `JSESSIONID=${session}; Path=/enduser-mobile-web; HttpOnly` });
  }

  #fetch(response: ServerResponse, session: string, id: string, after: string | undefined, delay: number): void {
    const listener = this.#listeners.get(id);
    if (!listener || listener.session !== session) return this.#send(response, 400, LISTENER_GONE, delay);
    this.counts.fetches += 1;
    listener.lastFetchAt = Date.now();
    const taken = listener.queue.splice(0);
    for (const event of taken) {
      event.copies -= 1;
      event.inFlight += 1;
    }
    const settle = (delivered: boolean) => {
      for (const event of taken) {
        event.inFlight -= 1;
        if (delivered) event.delivered = true;
      }
      if (!delivered) this.#checkLost(taken, "fetch answer lost", id === this.#followed);
    };
    if (after !== undefined) {
      settle(false);
      return this.#answer(response, after, 200, [], delay);
    }
    const payload = JSON.stringify(taken.map((event) => event.body));
    let settled = false;
    const once = (delivered: boolean) => {
      if (settled) return;
      settled = true;
      settle(delivered);
    };
    // A client that gives up (its timeout) closes the connection: the events are gone right then,
    // before anything the client does next.
    response.on("close", () => once(response.writableFinished));
    this.#later(delay, () => {
      if (response.destroyed || response.socket?.destroyed) return once(false);
      response.on("finish", () => once(true));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(payload);
    });
  }

  #apply(group: { label?: string; actions: SimExecution["actions"] }): void {
    const id = `exec-${++this.#ids}`;
    const label = group.label ?? "";
    this.executedLabels.push(label);
    const execution: SimExecution = { id, label, actions: group.actions, state: "IN_PROGRESS", startTime: EPOCH + this.#seq, silent: false };
    this.executions.set(id, execution);
    this.#emit({ name: "ExecutionRegisteredEvent", execId: id, label, actions: group.actions.map((action) => ({ deviceURL: action.deviceURL, commands: action.commands })) });
    this.#emit({ name: "ExecutionStateChangedEvent", execId: id, newState: "IN_PROGRESS", oldState: "INITIALIZED", timeToNextState: 0 });
    this.#later(10 + this.random() * 150, () => {
      if (execution.state !== "IN_PROGRESS") return;
      const failed = this.random() < 0.1;
      if (!failed) {
        for (const action of group.actions) {
          const value = Number(action.commands[0]?.parameters?.[0]);
          if (this.closures.has(action.deviceURL) && Number.isFinite(value)) this.#setClosure(action.deviceURL, value);
        }
      }
      execution.state = failed ? "FAILED" : "COMPLETED";
      this.#emit({
        name: "ExecutionStateChangedEvent",
        execId: id,
        newState: execution.state,
        oldState: "IN_PROGRESS",
        timeToNextState: -1,
        ...(failed ? { failureType: "CMDCANCELLED", failureTypeCode: 106 } : {}),
      });
    });
  }

  #answer(response: ServerResponse, after: string | undefined, status: number, body: unknown, delay: number): void {
    if (after === "dropAfter") return void response.socket?.destroy();
    if (after === "unavailableAfter") return this.#send(response, 503, MAINTENANCE, delay);
    this.#send(response, status, body, delay);
  }

  #send(response: ServerResponse, status: number, body: unknown, delay = 0, headers: Record<string, string> = {}): void {
    const isText = typeof body === "string";
    this.#later(delay, () => {
      if (response.destroyed) return;
      response.writeHead(status, { "content-type": isText ? "text/html" : "application/json", ...headers });
      response.end(isText ? body : JSON.stringify(body));
    });
  }

  // ─── Events and losses ───────────────────────────────────────────────────────────────────────

  #setClosure(url: string, value: number): void {
    this.closures.set(url, value);
    this.#emit({ name: "DeviceStateChangedEvent", deviceURL: url, deviceStates: [{ name: "core:ClosureState", type: 1, value: String(value) }] });
  }

  #emit(body: Record<string, unknown>): void {
    this.#seq += 1;
    this.counts.events += 1;
    const event: QueuedEvent = { seq: this.#seq, body: { ...body, timestamp: EPOCH + this.#seq, setupOID: "setup-1", owningPartners: [] }, copies: 0, inFlight: 0, delivered: false, lost: false };
    for (const listener of this.#listeners.values()) {
      listener.queue.push(event);
      event.copies += 1;
    }
  }

  #dropListener(id: string, how: string): void {
    const listener = this.#listeners.get(id);
    if (!listener) return;
    this.#listeners.delete(id);
    for (const event of listener.queue) event.copies -= 1;
    this.#checkLost(listener.queue, how, id === this.#followed);
  }

  /**
   * Undelivered events are lost when they leave the listener the client follows, or their last
   * copy anywhere (a replaced listener not drained): one loss per occasion, each event counted once.
   * Copies left in listeners the client abandoned or never learnt of do not save them.
   */
  #checkLost(events: QueuedEvent[], how: string, fromFollowed: boolean): void {
    const lost = events.filter((event) => !event.delivered && !event.lost && (fromFollowed || (event.copies === 0 && event.inFlight === 0)));
    for (const event of lost) event.lost = true;
    if (lost.length > 0) this.#lose(how);
  }

  #lose(how: string): void {
    this.#seq += 1;
    this.losses.push({ seq: this.#seq, how });
  }

  #later(delay: number, run: () => void): void {
    if (delay <= 0) return run();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, delay);
    this.#timers.add(timer);
  }

  #randomDevice(): string {
    return deviceUrl(Math.floor(this.random() * this.closures.size));
  }

  #setup(): unknown {
    return {
      gateways: [{ gatewayId: GATEWAY_ID, alive: this.gatewayAlive, connectivity: { status: this.gatewayAlive ? "OK" : "KO", protocolVersion: "2025.4.4-9" } }],
      devices: [...this.closures].map(([url, closure], index) => shutterDevice(url, `Shutter ${index + 1}`, closure)),
    };
  }
}

/** Runs `then` once the whole answer was handed to the connection. */
function onDelivered(response: ServerResponse, then: () => void): void {
  response.on("finish", then);
}

export function deviceUrl(index: number): string {
  return `io://${GATEWAY_ID}/${6_112_000 + index}`;
}

function wireExecution(execution: SimExecution) {
  return {
    id: execution.id,
    description: `Execution : ${execution.label}`,
    owner: "jane.doe@example.com",
    state: execution.state,
    startTime: execution.startTime,
    executionType: "Immediate execution",
    executionSubType: "MANUAL_CONTROL",
    actionGroup: { label: execution.label, actions: execution.actions },
  };
}
