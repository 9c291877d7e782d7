/** pnpm mock <vendor> [--port N] — one Prism mock server in the foreground for offline development. */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startPrism } from "@openapp/testing";
import { hasSpec, selectVendors, servedSpec, vendors } from "./lib/vendors.js";

const USAGE = `usage: pnpm mock <vendor> [--port N]   (vendor: ${vendors.map((v) => v.name).join(", ")}; port: a free one by default)`;

/** The vendor and port from the command line; throws the usage line on anything else. */
export function parseMockArgs(argv: string[]): { vendor: string; port: number | undefined } {
  const { values, positionals } = parseArgs({ args: argv, options: { port: { type: "string", short: "p" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error(USAGE);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`--port must be a port number (1-65535), got ${values.port}\n${USAGE}`);
  return { vendor: positionals[0]!, port };
}

async function main() {
  const { vendor: name, port } = parseMockArgs(process.argv.slice(2));
  const [vendor] = selectVendors([name]);
  if (!vendor || !hasSpec(vendor)) throw new Error(`no spec for ${name}`);
  const prism = await startPrism({ spec: servedSpec(vendor), port });
  console.log(`${vendor.name} mock listening on ${prism.url}  (Ctrl+C to stop)`);
  const stop = () => void prism.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
