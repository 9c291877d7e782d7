/**
 * CLI tour: the built `openapp-cli` against the mocks, as a user would type it. Settings come
 * from environment variables (a profile file works the same way; see packages/cli/README.md),
 * and a scratch XDG config home keeps the tour away from the user's own profiles.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));

export async function cliTour(mockUrls: Record<string, string>): Promise<void> {
  if (!mockUrls.overkiz || !mockUrls.omlet) return;
  console.log("\n== openapp-cli (packages/cli): three commands against the same mocks");
  const configHome = mkdtempSync(join(tmpdir(), "openapp-cli-tour-"));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: configHome,
    OVERKIZ_SERVER: mockUrls.overkiz,
    OVERKIZ_USERNAME: "jane.doe@example.com",
    OVERKIZ_PASSWORD: "tour-password",
    OMLET_API_KEY: "tour-omlet-api-key-0001",
    OMLET_BASE_URL: mockUrls.omlet,
  };
  const commands = [
    ["overkiz", "devices"],
    ["overkiz", "exec", "Living room shutter", "setClosure", "40", "--dry-run"],
    ["omlet", "door", "Hen house", "close", "--yes", "--json"],
  ];
  try {
    for (const args of commands) {
      console.log(`\n$ openapp-cli ${args.map((arg) => (/\s/.test(arg) ? `'${arg}'` : arg)).join(" ")}`);
      const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8" });
      process.stdout.write(result.stderr + result.stdout);
      console.log(`(exit ${result.status})`);
    }
  } finally {
    rmSync(configHome, { recursive: true, force: true });
  }
}
