/**
 * Structural stand-ins for DOM-only names (`RequestInfo`, `BodyInit`, `RequestCredentials`), so the
 * public declarations type-check in a Node project without the DOM lib: Node's types declare
 * `Request`, `Blob`, `FormData` and friends, but not these aliases.
 */

/** The first argument of `fetch`: a URL string, a `URL` or a `Request`. */
export type FetchInput = string | URL | Request;

/** A request body that `fetch` sends as is. */
export type FetchBody = string | Blob | ArrayBuffer | ArrayBufferView | FormData | URLSearchParams | ReadableStream<Uint8Array>;

/**
 * Whether a browser sends cookies and HTTP auth with a request (`RequestInit.credentials`):
 * `"include"` across origins too, `"same-origin"` (the browser default) or `"omit"`.
 * Server runtimes ignore it.
 */
export type FetchCredentials = "include" | "omit" | "same-origin";
