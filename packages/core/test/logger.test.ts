import { describe, expect, it, vi } from "vitest";
import { createConsoleLogger, readEnv } from "../src/index.js";
import { resolveLogger, silentLogger } from "../src/logger.js";

describe("resolveLogger", () => {
  it("is silent by default", () => {
    vi.stubEnv("OPENAPP_LOG", "");
    expect(resolveLogger({ envVar: "OPENAPP_LOG" })).toBe(silentLogger);
  });

  it("turns on console output from the vendor's env var", () => {
    vi.stubEnv("OMLET_LOG", "DEBUG");
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    resolveLogger({ envVar: "OMLET_LOG" }).debug("http request", { status: 200 });
    expect(debug).toHaveBeenCalledWith("[OMLET_LOG] http request", { status: 200 });
  });

  it("prefers an explicit logger over the environment", () => {
    vi.stubEnv("OVERKIZ_LOG", "debug");
    const mine = createConsoleLogger({ level: "error" });
    expect(resolveLogger({ logger: mine, envVar: "OVERKIZ_LOG" })).toBe(mine);
  });

  it("ignores unknown levels and filters below the threshold", () => {
    vi.stubEnv("OPENAPP_LOG", "verbose");
    expect(resolveLogger({ envVar: "OPENAPP_LOG" })).toBe(silentLogger);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const logger = createConsoleLogger({ level: "warn" });
    logger.info("hidden");
    logger.warn("shown");
    expect(info).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith("shown");
  });

  it("reads trimmed env values and treats blank as unset", () => {
    vi.stubEnv("CORE_TEST_VALUE", "  debug ");
    vi.stubEnv("CORE_TEST_BLANK", "   ");
    expect(readEnv("CORE_TEST_VALUE")).toBe("debug");
    expect(readEnv("CORE_TEST_BLANK")).toBeUndefined();
  });
});
