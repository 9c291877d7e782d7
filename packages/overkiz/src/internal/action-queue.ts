import { AbortError, ConfigError, type Logger } from "@openapp/core";
import type { ExecutionMode } from "../models/enums.js";
import type { WireAction, WireActionGroup } from "../types.js";

/** Seconds to wait for more calls, and the most devices one merged execution may carry. */
export interface ActionQueueSettings {
  delay?: number | undefined;
  maxActions?: number | undefined;
}

export interface ResolvedQueueSettings {
  delayMs: number;
  maxActions: number;
}

/** pyoverkiz's defaults: a 100 ms window, 20 devices. */
export const DEFAULT_ACTION_QUEUE = { delay: 0.1, maxActions: 20 } as const;

export function resolveActionQueueSettings(option: boolean | ActionQueueSettings | undefined): ResolvedQueueSettings | undefined {
  if (option === undefined || option === false) return undefined;
  const { delay = DEFAULT_ACTION_QUEUE.delay, maxActions = DEFAULT_ACTION_QUEUE.maxActions } = option === true ? {} : option;
  if (!Number.isFinite(delay) || delay <= 0) throw new ConfigError(`actionQueue.delay must be a positive number of seconds, got ${delay}`);
  if (!Number.isInteger(maxActions) || maxActions < 1) throw new ConfigError(`actionQueue.maxActions must be an integer ≥ 1, got ${maxActions}`);
  return { delayMs: delay * 1000, maxActions };
}

export type BatchSender = (group: WireActionGroup, mode: ExecutionMode | undefined) => Promise<string>;

/** One caller's share of a batch and how to answer it. */
interface Waiter {
  actions: readonly WireAction[];
  resolve(execId: string): void;
  reject(error: unknown): void;
}

class PendingBatch {
  readonly waiters: Waiter[] = [];
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly mode: ExecutionMode | undefined,
    readonly label: string | null,
  ) {}

  accepts(mode: ExecutionMode | undefined, label: string | null): boolean {
    return this.mode === mode && this.label === label;
  }

  get deviceCount(): number {
    return new Set(this.waiters.flatMap((waiter) => waiter.actions.map((action) => action.deviceURL))).size;
  }

  /** One action per device (the gateway refuses two), its commands in the order they were queued. */
  mergedActions(): WireAction[] {
    const byDevice = new Map<string, WireAction>();
    for (const action of this.waiters.flatMap((waiter) => waiter.actions)) {
      const merged = byDevice.get(action.deviceURL);
      if (merged) merged.commands = [...merged.commands, ...action.commands];
      else byDevice.set(action.deviceURL, { deviceURL: action.deviceURL, commands: [...action.commands] });
    }
    return [...byDevice.values()];
  }
}

/**
 * Merges executions requested within a short window into one `exec/apply`, so a scene moving
 * many devices does not fill the gateway's execution queue. Each batch is sent exactly once;
 * every caller of a batch gets its execution id or its error.
 */
export class ActionQueue {
  readonly #settings: ResolvedQueueSettings;
  readonly #send: BatchSender;
  readonly #logger: Logger;
  #pending: PendingBatch | undefined;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(settings: ResolvedQueueSettings, send: BatchSender, logger: Logger) {
    this.#settings = settings;
    this.#send = send;
    this.#logger = logger;
  }

  /** Devices waiting in the batch that has not been sent yet. */
  get pendingCount(): number {
    return this.#pending?.deviceCount ?? 0;
  }

  add(actions: readonly WireAction[], mode: ExecutionMode | undefined, label: string | null, signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(new AbortError("Execution was aborted before it was queued"));
    // Another mode or label cannot share an execution: send what waits, start a new batch.
    if (this.#pending && !this.#pending.accepts(mode, label)) this.#dispatch();
    const batch = (this.#pending ??= this.#open(mode, label));
    const answer = new Promise<string>((resolve, reject) => {
      const waiter: Waiter = { actions, resolve, reject };
      batch.waiters.push(waiter);
      if (signal) this.#detachOnAbort(batch, waiter, signal);
    });
    if (batch.deviceCount >= this.#settings.maxActions) this.#dispatch();
    return answer;
  }

  /** Sends the waiting batch now and waits until every batch sent so far has been answered. */
  async flush(): Promise<void> {
    this.#dispatch();
    await Promise.allSettled([...this.#inFlight]);
  }

  #open(mode: ExecutionMode | undefined, label: string | null): PendingBatch {
    const batch = new PendingBatch(mode, label);
    // Started by the first call of a batch and never pushed back, so a steady stream still flushes.
    batch.timer = setTimeout(() => this.#dispatch(batch), this.#settings.delayMs);
    return batch;
  }

  #dispatch(expected?: PendingBatch): void {
    const batch = this.#pending;
    if (!batch || (expected !== undefined && expected !== batch)) return;
    this.#pending = undefined;
    clearTimeout(batch.timer);
    if (batch.waiters.length === 0) return;
    const sending = this.#sendBatch(batch);
    this.#inFlight.add(sending);
    void sending.finally(() => this.#inFlight.delete(sending));
  }

  async #sendBatch(batch: PendingBatch): Promise<void> {
    const actions = batch.mergedActions();
    this.#logger.debug("action queue: sending a merged execution", { calls: batch.waiters.length, devices: actions.length });
    try {
      const execId = await this.#send({ label: batch.label, actions }, batch.mode);
      for (const waiter of batch.waiters) waiter.resolve(execId);
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }

  /**
   * An abort before the batch leaves takes the caller's actions out; after that the execution
   * runs for everyone and only this caller stops waiting.
   */
  #detachOnAbort(batch: PendingBatch, waiter: Waiter, signal: AbortSignal): void {
    const onAbort = () => {
      const index = batch.waiters.indexOf(waiter);
      if (this.#pending === batch && index >= 0) batch.waiters.splice(index, 1);
      waiter.reject(new AbortError("Execution was aborted by the caller"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    const settle = waiter.resolve;
    const fail = waiter.reject;
    waiter.resolve = (execId) => {
      signal.removeEventListener("abort", onAbort);
      settle(execId);
    };
    waiter.reject = (error) => {
      signal.removeEventListener("abort", onAbort);
      fail(error);
    };
  }
}
