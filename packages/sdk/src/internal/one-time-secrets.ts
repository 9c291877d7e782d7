import type { OpenAppV1Context } from "../context.js";

/** Fields of 1.0 answers that hold a secret shown once: invite links and agent keys. */
const ONE_TIME_FIELDS = ["invite_token", "invite_url", "token"] as const;

/**
 * Registers the one-time secrets of an answer with the client, so its logs and error messages
 * mask them from now on, and hands the answer back unchanged (the caller needs the values).
 */
export function rememberOneTimeSecrets<T>(ctx: OpenAppV1Context, answer: T): T {
  if (typeof answer !== "object" || answer === null) return answer;
  const record = answer as Record<string, unknown>;
  for (const field of ONE_TIME_FIELDS) {
    const value = record[field];
    if (typeof value === "string" && value !== "") ctx.oneTimeSecrets.add(value);
  }
  return answer;
}
