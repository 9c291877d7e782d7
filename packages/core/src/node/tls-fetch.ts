import type { PeerCertificate } from "node:tls";
import { Agent, type RequestInit as UndiciRequestInit, fetch as undiciFetch } from "undici";
import { ConfigError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { FetchLike } from "../transport.js";

/** Options of `createTlsFetch`: a fetch with a private CA or a custom host-name rule. */
export interface TlsFetchOptions {
  /** PEM certificate(s) of a private CA, e.g. the Overkiz root CA for local gateways. */
  ca?: string | Buffer | Array<string | Buffer> | undefined;
  /**
   * Turns certificate verification off. Only for a local device whose certificate cannot be
   * verified at all; it is announced as a process warning and through the logger every time.
   */
  insecureSkipVerify?: boolean | undefined;
  /** Expected certificate host name when connecting by IP address (gateways name their certs). */
  servername?: string | undefined;
  /**
   * Replaces Node's host-name check (the chain is still verified against `ca`), for devices
   * whose certificates follow their own naming rule. Return an Error to refuse the peer.
   */
  checkServerIdentity?: ((hostname: string, certificate: PeerCertificate) => Error | undefined) | undefined;
  /** Receives the warning when verification is turned off. */
  logger?: Logger | undefined;
}

const INSECURE_WARNING_CODE = "OPENAPP_INSECURE_TLS";

function warnInsecure(logger: Logger | undefined): void {
  const message = "TLS certificate verification is disabled; traffic can be intercepted. Pass the CA certificate instead.";
  process.emitWarning(message, { code: INSECURE_WARNING_CODE });
  logger?.warn(message);
}

/** Copies the request into undici's own Request type, which its fetch requires. */
export function forwardTo(agent: Agent): FetchLike {
  return async (request, init) => {
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers.entries()],
      // DOM and undici declare the same web stream with different types.
      body: request.body as UndiciRequestInit["body"],
      duplex: "half",
      // The transport asks for `redirect: "manual"` in `init`; undici must not follow on its own.
      redirect: init?.redirect ?? request.redirect,
      // The transport hands each attempt's deadline in `init`; a bare call carries it on the request.
      signal: init?.signal ?? request.signal,
      dispatcher: agent,
    });
    return response as unknown as Response;
  };
}

/** Only the boolean `true` turns verification off: `"true"` or `1` from a config file is refused. */
export function assertBooleanOptOut(insecureSkipVerify: unknown): void {
  if (insecureSkipVerify === undefined || typeof insecureSkipVerify === "boolean") return;
  throw new ConfigError(`insecureSkipVerify must be true or false, got ${JSON.stringify(insecureSkipVerify)} (${typeof insecureSkipVerify})`);
}

/**
 * A `fetch` for Node with a custom CA. Verification stays on unless explicitly disabled.
 * Pass the result as the client's `fetch` option.
 */
export function createTlsFetch(options: TlsFetchOptions): FetchLike {
  assertBooleanOptOut(options.insecureSkipVerify);
  if (!options.ca && !options.insecureSkipVerify) {
    throw new ConfigError("createTlsFetch needs a `ca`; verification can only be skipped with insecureSkipVerify: true");
  }
  if (options.insecureSkipVerify) warnInsecure(options.logger);
  const agent = new Agent({
    connect: {
      ca: options.ca,
      rejectUnauthorized: !options.insecureSkipVerify,
      ...(options.servername ? { servername: options.servername } : {}),
      ...(options.checkServerIdentity ? { checkServerIdentity: options.checkServerIdentity } : {}),
    },
  });
  return forwardTo(agent);
}
