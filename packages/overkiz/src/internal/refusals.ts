import type { BackoffShape, RefusalPolicy, RetryProfile } from "@openapp/core";
import { NotAuthenticatedError, TooManyConcurrentRequestsError, TooManyExecutionsError } from "../errors.js";
import { type EventListener, isListenerGone } from "./event-listener.js";
import type { OverkizSession } from "./session.js";

/** pyoverkiz's backoff: full jitter under ceilings of 1, 2, 4 … s, capped at 60 s. */
const OVERKIZ_BACKOFF: BackoffShape = { initialMs: 1_000, maxMs: 60_000, jitter: "full" };

/** No wait: the resend follows a re-login or a new listener, not the server's load. */
const AT_ONCE: BackoffShape = { initialMs: 0, maxMs: 0, jitter: "full" };

/** The Overkiz reasons to go again; each proves the server refused the request before anything ran. */
type RefusalReason = "tooManyExecutions" | "tooManyConcurrentRequests" | "notAuthenticated" | "listenerExpired";

/**
 * "Server busy (Too many executions)": resending cannot run the execution twice. EXEC_QUEUE_FULL
 * is not retried: the gateway queue only drains as executions finish, so the caller should batch.
 * 5 tries within 300 s.
 */
const TOO_MANY_EXECUTIONS: RetryProfile = { maxRetries: 4, backoff: OVERKIZ_BACKOFF, budgetMs: 300_000 };

/** The per-session concurrency limit: 5 tries within 120 s. */
const TOO_MANY_CONCURRENT_REQUESTS: RetryProfile = { maxRetries: 4, backoff: OVERKIZ_BACKOFF, budgetMs: 120_000 };

const LISTENER_FETCH = /\/events\/([^/]+)\/fetch$/;

function listenerIdOf(request: Request): string | undefined {
  const match = LISTENER_FETCH.exec(new URL(request.url).pathname);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

function isLogin(request: Request): boolean {
  return new URL(request.url).pathname.endsWith("/login");
}

/** Plugs the Overkiz refusals into core's one retry loop (`KitOptions.refusals`). */
export function overkizRefusals(session: OverkizSession, listener: EventListener): RefusalPolicy {
  const profiles: Record<RefusalReason, RetryProfile> = {
    tooManyExecutions: TOO_MANY_EXECUTIONS,
    tooManyConcurrentRequests: TOO_MANY_CONCURRENT_REQUESTS,
    // Re-login once. Only when the refused request carried the credentials still current: when
    // another call already logged in again, the resend simply uses the new ones.
    notAuthenticated: {
      maxRetries: 1,
      backoff: AT_ONCE,
      async prepare(error, request) {
        await session.invalidate(error, request);
        return undefined;
      },
    },
    // Re-register once, and fetch from the new listener.
    listenerExpired: {
      maxRetries: 1,
      backoff: AT_ONCE,
      async prepare(_error, request, calls) {
        const expired = listenerIdOf(request) as string;
        const renewed = await listener.renewAfterExpiry(expired, calls);
        const url = new URL(request.url);
        url.pathname = url.pathname.replace(LISTENER_FETCH, `/events/${encodeURIComponent(renewed)}/fetch`);
        return new Request(url, request);
      },
    },
  };
  return {
    profiles,
    classify(error, request): RefusalReason | undefined {
      if (error instanceof TooManyExecutionsError) return "tooManyExecutions";
      if (error instanceof TooManyConcurrentRequestsError) return "tooManyConcurrentRequests";
      if (error instanceof NotAuthenticatedError) return isLogin(request) ? undefined : "notAuthenticated";
      if (isListenerGone(error)) {
        const id = listenerIdOf(request);
        // A replaced listener being drained is not renewed: it is about to be dropped anyway.
        return id !== undefined && listener.isCurrent(id) ? "listenerExpired" : undefined;
      }
      return undefined;
    },
  };
}
