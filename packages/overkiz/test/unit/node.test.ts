import { ConfigError } from "@openapp/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OverkizClient, createLocalGatewayFetch, localServer } from "../../src/node.js";

describe("@openapp/overkiz/node", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("re-exports the main entry", () => {
    expect(typeof OverkizClient).toBe("function");
    expect(localServer("gateway-1234-5678-9012.local").apiType).toBe("local");
  });

  it("refuses to build a gateway fetch without a CA unless verification is explicitly skipped", () => {
    expect(() => createLocalGatewayFetch({})).toThrow(ConfigError);
  });

  it("announces an insecure gateway fetch loudly", () => {
    const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const warn = vi.fn();
    const fetch = createLocalGatewayFetch({ insecureSkipVerify: true, logger: { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() } });
    expect(typeof fetch).toBe("function");
    expect(emitWarning).toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/verification is disabled/));
  });
});
