/** What a middleware knows about the attempt it runs in. */
export interface MiddlewareContext {
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
}

/** Hands the request to the next middleware, or to `fetch` after the last one. */
export type Next = (request: Request) => Promise<Response>;

/**
 * Runs once per attempt, inside the retry loop, and sees the final request including auth.
 * Whatever request it hands to `next` is what goes on the wire.
 */
export type Middleware = (request: Request, next: Next, context: MiddlewareContext) => Promise<Response>;

/** Builds the onion: the first middleware is the outermost layer. */
export function composeMiddleware(middleware: readonly Middleware[], terminal: Next, context: MiddlewareContext): Next {
  return middleware.reduceRight<Next>((next, layer) => (request) => layer(request, next, context), terminal);
}
