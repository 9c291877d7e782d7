import { SdkError, ValidationError } from "./errors.js";

/** One page as a loader returns it. */
export interface PageData<T> {
  /** The items of this page. */
  items: T[];
  /** Total number of items across all pages, when the API reports it. */
  total?: number | undefined;
  /** Cursor for the next page, for cursor-paginated APIs. */
  nextCursor?: string | null | undefined;
}

/**
 * How to get from one page to the next. `next` returns undefined when there is no next
 * page; the cursor state is opaque to the Page and PagePromise machinery.
 */
export interface PageStrategy<T, S> {
  /** State of the first page. */
  first: S;
  /** Fetches the page for one state. */
  load(state: S): Promise<PageData<T>>;
  /** State of the page after `page`, or undefined when `page` is the last. */
  next(state: S, page: PageData<T>): S | undefined;
}

/** One page of a list: its items, the total when known, and the way to the next page. */
export class Page<T> implements AsyncIterable<T> {
  /** The items of this page. */
  readonly items: T[];
  /** Total number of items across all pages, when the API reports it. */
  readonly total: number | undefined;
  readonly #nextState: unknown;
  readonly #strategy: PageStrategy<T, unknown>;

  /** Built by the pagination helpers; façades never construct pages by hand. */
  constructor(strategy: PageStrategy<T, unknown>, state: unknown, data: PageData<T>) {
    this.items = data.items;
    this.total = data.total;
    this.#strategy = strategy;
    this.#nextState = strategy.next(state, data);
  }

  /** Whether another page follows (the list stops on an empty or short page, at `total`, or on a repeated cursor). */
  hasNextPage(): boolean {
    return this.#nextState !== undefined;
  }

  /** Fetches the next page; throws SdkError when there is none. */
  async getNextPage(): Promise<Page<T>> {
    if (this.#nextState === undefined) throw new SdkError("No next page; check hasNextPage() first");
    return loadPage(this.#strategy, this.#nextState);
  }

  /** This page and every following one. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and the following ones. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

async function loadPage<T, S>(strategy: PageStrategy<T, S>, state: S): Promise<Page<T>> {
  const data = await strategy.load(state);
  if (!Array.isArray(data.items)) throw new ValidationError("Page loader returned no items array");
  return new Page(strategy as PageStrategy<T, unknown>, state, data);
}

/** Options of `PagePromise.toArray`. */
export interface ToArrayOptions {
  /** Stop after this many items; further pages are not fetched. */
  max?: number;
}

/**
 * What list methods return: `await` it for the first page, `for await` it for every item
 * across pages. The first request is sent on first use, so an unused list call costs nothing
 * and cannot produce an unhandled rejection.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #strategy: PageStrategy<T, unknown>;
  #firstPage: Promise<Page<T>> | undefined;

  constructor(strategy: PageStrategy<T, unknown>) {
    this.#strategy = strategy;
  }

  #first(): Promise<Page<T>> {
    this.#firstPage ??= loadPage(this.#strategy, this.#strategy.first);
    return this.#firstPage;
  }

  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#first().then(onFulfilled, onRejected);
  }

  /** Like `Promise.catch`, for the first page. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#first().catch(onRejected);
  }

  /** Like `Promise.finally`, for the first page. */
  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#first().finally(onFinally);
  }

  /** Every item across all pages, fetching pages as the loop needs them. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this.#first();
  }

  /** Collects the items of every page (at most `max`) into one array. */
  async toArray(options: ToArrayOptions = {}): Promise<T[]> {
    const max = options.max ?? Number.POSITIVE_INFINITY;
    if (!(max >= 0)) throw new ValidationError(`max must be a non-negative number, got ${options.max}`);
    const collected: T[] = [];
    if (max === 0) return collected;
    for await (const item of this) {
      collected.push(item);
      if (collected.length >= max) break;
    }
    return collected;
  }
}

/** Where an offset-paginated list stands. */
export interface OffsetState {
  /** Index of the first item of the page. */
  offset: number;
  /** Page size. */
  limit: number;
}

/**
 * Offset/limit pagination. Stops on an empty page, a page shorter than `limit`, or once
 * `offset` reaches `total`, so it ends even on endpoints that return a bare array.
 */
export function offsetPages<T>(options: {
  limit: number;
  offset?: number;
  load: (state: OffsetState) => Promise<PageData<T>>;
}): PagePromise<T> {
  if (!Number.isInteger(options.limit) || options.limit <= 0) {
    throw new ValidationError(`limit must be a positive integer, got ${options.limit}`);
  }
  const strategy: PageStrategy<T, OffsetState> = {
    first: { offset: options.offset ?? 0, limit: options.limit },
    load: options.load,
    next(state, page) {
      const offset = state.offset + page.items.length;
      const isLastPage = page.items.length < state.limit || (page.total !== undefined && offset >= page.total);
      return isLastPage ? undefined : { offset, limit: state.limit };
    },
  };
  return new PagePromise(strategy as PageStrategy<T, unknown>);
}

/** Where a cursor-paginated list stands. */
export interface CursorState {
  /** Cursor of the page to load; undefined for the first page. */
  cursor: string | undefined;
  /** Every cursor already requested, to stop when a server hands one out twice. */
  seen: ReadonlySet<string>;
}

/** Cursor pagination. Stops when the cursor is missing, the page is empty, or a cursor repeats. */
export function cursorPages<T>(options: {
  cursor?: string;
  load: (cursor: string | undefined) => Promise<PageData<T>>;
}): PagePromise<T> {
  const strategy: PageStrategy<T, CursorState> = {
    first: { cursor: options.cursor, seen: new Set(options.cursor ? [options.cursor] : []) },
    load: (state) => options.load(state.cursor),
    next(state, page) {
      const cursor = page.nextCursor ?? undefined;
      if (!cursor || page.items.length === 0 || state.seen.has(cursor)) return undefined;
      return { cursor, seen: new Set([...state.seen, cursor]) };
    },
  };
  return new PagePromise(strategy as PageStrategy<T, unknown>);
}

/** Adapts an answer that is either `{ items, total }` or a bare array into PageData. */
export function toPageData<T>(body: T[] | { items: T[]; total?: number | null } | null | undefined): PageData<T> {
  if (Array.isArray(body)) return { items: body };
  if (body && Array.isArray(body.items)) return { items: body.items, total: body.total ?? undefined };
  throw new ValidationError("List response is neither an array nor an object with an items array");
}

/** A PagePromise that rejects with `error` on first use, so list methods never throw synchronously. */
export function failedPages<T>(error: unknown): PagePromise<T> {
  const strategy: PageStrategy<T, undefined> = {
    first: undefined,
    load: () => Promise.reject(error),
    next: () => undefined,
  };
  return new PagePromise(strategy as PageStrategy<T, unknown>);
}
