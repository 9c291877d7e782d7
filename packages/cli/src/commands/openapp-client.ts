/** The one way a command builds its OpenApp client. */
import { OpenAppClient } from "@openapp/sdk";
import type { CommandContext } from "../context.js";
import { UsageError } from "../exit.js";

/** The OpenApp client of a command: key, org and base URL from the profile or the environment. */
export function openAppClient(ctx: CommandContext): OpenAppClient {
  const apiKey = ctx.config.value("openapp.apiKey");
  if (!apiKey) {
    throw new UsageError(`no OpenApp API key: set OPENAPP_API_KEY or run \`openapp-cli config set openapp.apiKey\` (profile "${ctx.config.profileName}")`);
  }
  return new OpenAppClient({
    apiKey,
    org: ctx.config.value("openapp.org"),
    baseUrl: ctx.config.value("openapp.baseUrl"),
    middleware: [ctx.capture.middleware],
    logger: ctx.logger,
  });
}
