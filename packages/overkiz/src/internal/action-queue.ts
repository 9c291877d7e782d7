import { AbortError, ConfigError, type Logger, assertKnownOptions, watchAbort } from "@openapp/core";
import type { ExecutionMode } from "../models/enums.js";
import type { WireAction, WireActionGroup } from "../models/wire-types.js";

/** How the action queue merges `executeActionGroup` calls (the client's `actionQueue` option). */
export interface ActionQueueSettings {
  /** Milliseconds to wait for more calls after the first one of a batch (default 100). */
  delayMs?: number | undefined;
  /**
   * The most devices merging may put into one execution (default 20): a call that would take a
   * batch past it starts the next batch, and the batch leaves as soon as it is full. One call's
   * actions always stay in one execution, so a single call with more devices than this is sent
   * alone, at once, as its own execution.
   */
  maxActions?: number | undefined;
}

export interface ResolvedQueueSettings {
  delayMs: number;
  maxActions: number;
}

/** pyoverkiz's defaults: a 100 ms window, 20 devices. */
export const DEFAULT_ACTION_QUEUE = {
  /** Milliseconds to wait for more calls after the first one of a batch. */
  delayMs: 100,
  /** The most devices merging puts into one execution. */
  maxActions: 20,
} as const;

const SETTING_KEYS = Object.keys({ delayMs: 1, maxActions: 1 } satisfies Record<keyof ActionQueueSettings, 1>);

export function resolveActionQueueSettings(option: boolean | ActionQueueSettings | undefined): ResolvedQueueSettings | undefined {
  if (option === undefined || option === false) return undefined;
  // `delay` was seconds; refusing it names the new option instead of silently waiting 1000× longer.
  if (option !== true) assertKnownOptions(option, SETTING_KEYS, "actionQueue", { delay: "delayMs" });
  const { delayMs = DEFAULT_ACTION_QUEUE.delayMs, maxActions = DEFAULT_ACTION_QUEUE.maxActions } = option === true ? {} : option;
  if (!Number.isFinite(delayMs) || delayMs <= 0) throw new ConfigError(`actionQueue.delayMs must be a positive number of milliseconds, got ${delayMs}`);
  if (!Number.isInteger(maxActions) || maxActions < 1) throw new ConfigError(`actionQueue.maxActions must be an integer ≥ 1, got ${maxActions}`);
  return { delayMs, maxActions };
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
    return this.devicesWith([]);
  }

  /** Devices the batch would carry with `actions` added. */
  devicesWith(actions: readonly WireAction[]): number {
    return new Set([...this.waiters.flatMap((waiter) => waiter.actions), ...actions].map((action) => action.deviceURL)).size;
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
    const max = this.#settings.maxActions;
    // One call's actions stay together: a call larger than a batch goes out alone, at once,
    // and leaves the waiting batch alone.
    const oversized = new Set(actions.map((action) => action.deviceURL)).size > max;
    // Another mode or label cannot share an execution, and merging never goes past maxActions:
    // send what waits, start a new batch.
    if (!oversized && this.#pending && (!this.#pending.accepts(mode, label) || this.#pending.devicesWith(actions) > max)) this.#dispatch();
    const batch = oversized ? new PendingBatch(mode, label) : (this.#pending ??= this.#open(mode, label));
    const answer = new Promise<string>((resolve, reject) => {
      const waiter: Waiter = { actions, resolve, reject };
      batch.waiters.push(waiter);
      if (signal) this.#detachOnAbort(batch, waiter, signal);
    });
    if (batch !== this.#pending) this.#sendNow(batch);
    else if (batch.deviceCount >= max) this.#dispatch();
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
    this.#sendNow(batch);
  }

  #sendNow(batch: PendingBatch): void {
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
    // One listener on a signal that many queued calls share (watchAbort), dropped when the call settles.
    const unwatch = watchAbort(signal, () => {
      const index = batch.waiters.indexOf(waiter);
      if (this.#pending === batch && index >= 0) batch.waiters.splice(index, 1);
      waiter.reject(new AbortError("Execution was aborted by the caller"));
    });
    const settle = waiter.resolve;
    const fail = waiter.reject;
    waiter.resolve = (execId) => {
      unwatch();
      settle(execId);
    };
    waiter.reject = (error) => {
      unwatch();
      fail(error);
    };
  }
}
