/**
 * A first-in first-out buffer for a consumer that may fall behind: it holds at most `max` items,
 * and pushing onto a full one drops the oldest. `onFallBehind` is called once when it starts
 * dropping, and once more only after the consumer has emptied it and fallen behind again, so a
 * stalled consumer costs one warning, not one per item.
 */
export class BoundedBuffer<T> {
  readonly #items: T[] = [];
  readonly #max: number;
  readonly #onFallBehind: (max: number) => void;
  #dropping = false;
  #dropped = 0;

  constructor(max: number, onFallBehind: (max: number) => void) {
    this.#max = max;
    this.#onFallBehind = onFallBehind;
  }

  /** Items waiting. */
  get length(): number {
    return this.#items.length;
  }

  /** Items dropped since the buffer was made. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Adds an item; when the buffer is full, the oldest one goes. */
  push(item: T): void {
    this.#items.push(item);
    if (this.#items.length <= this.#max) return;
    this.#items.shift();
    this.#dropped++;
    if (this.#dropping) return;
    this.#dropping = true;
    this.#onFallBehind(this.#max);
  }

  /** The oldest item, removed; undefined when empty. */
  shift(): T | undefined {
    const item = this.#items.shift();
    if (this.#items.length === 0) this.#dropping = false;
    return item;
  }

  /** Forgets every waiting item. */
  clear(): void {
    this.#items.length = 0;
    this.#dropping = false;
  }
}
