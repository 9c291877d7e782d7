import { ConfigError } from "@openapp/core";
import { describe, expect, it } from "vitest";
import { SERVERS, SERVERS_WITH_LOCAL_API, localServer, resolveServer } from "../../src/index.js";

describe("SERVERS", () => {
  it("lists the sixteen cloud servers with https endpoints", () => {
    expect(Object.keys(SERVERS)).toHaveLength(16);
    for (const [key, server] of Object.entries(SERVERS)) {
      expect(server.key).toBe(key);
      expect(server.apiType).toBe("cloud");
      expect(server.endpoint).toMatch(/^https:\/\/[^/]+\/.+\/$/);
    }
  });

  it("points each brand at its host", () => {
    expect(SERVERS.somfy_europe.endpoint).toBe("https://ha101-1.overkiz.com/enduser-mobile-web/enduserAPI/");
    expect(SERVERS.somfy_america.endpoint).toBe("https://ha401-1.overkiz.com/enduser-mobile-web/enduserAPI/");
    expect(SERVERS.hi_kumo_oceania.endpoint).toBe(SERVERS.hi_kumo_asia.endpoint);
    expect(SERVERS.rexel.endpoint).toBe("https://econnect-api.rexelservices.fr/api/enduser/overkiz/");
    expect(SERVERS.atlantic_cozytouch.manufacturer).toBe("Atlantic");
    expect(SERVERS_WITH_LOCAL_API).toContain("somfy_europe");
  });
});

describe("localServer", () => {
  it("builds the local endpoint with the default port", () => {
    expect(localServer("gateway-1234-5678-9012.local")).toEqual({
      key: "somfy_developer_mode",
      name: "Somfy Developer Mode",
      endpoint: "https://gateway-1234-5678-9012.local:8443/enduser-mobile-web/1/enduserAPI/",
      manufacturer: "Somfy",
      apiType: "local",
    });
  });

  it("accepts a port, a host with its port, and IPv6", () => {
    expect(localServer("192.168.1.10", { port: 9443 }).endpoint).toBe("https://192.168.1.10:9443/enduser-mobile-web/1/enduserAPI/");
    expect(localServer("192.168.1.10:8444").endpoint).toBe("https://192.168.1.10:8444/enduser-mobile-web/1/enduserAPI/");
    expect(localServer("fe80::1").endpoint).toBe("https://[fe80::1]:8443/enduser-mobile-web/1/enduserAPI/");
  });

  it.each(["", "https://gateway.local", "gateway.local/path", "a b"])("refuses %j", (host) => {
    expect(() => localServer(host)).toThrow(ConfigError);
  });

  it("keeps the page where the user manages the gateway", () => {
    const server = localServer("192.168.1.10", { configurationUrl: "https://www.somfy.com/en/tahoma-developer-mode" });
    expect(server.configurationUrl).toBe("https://www.somfy.com/en/tahoma-developer-mode");
    expect(server.endpoint).toBe("https://192.168.1.10:8443/enduser-mobile-web/1/enduserAPI/");
    expect(localServer("gateway.local", { configurationUrl: "http://gateway.local/" }).configurationUrl).toBe("http://gateway.local/");
    // Without one the config has no such key, as before.
    expect(Object.keys(localServer("gateway.local"))).not.toContain("configurationUrl");
    expect(resolveServer(server).configurationUrl).toBe("https://www.somfy.com/en/tahoma-developer-mode");
  });

  it.each(["somfy.com", "javascript:alert(1)", "ftp://gateway.local/"])("refuses the configuration URL %j", (configurationUrl) => {
    expect(() => localServer("gateway.local", { configurationUrl })).toThrow(ConfigError);
    expect(() => localServer("gateway.local", { configurationUrl })).toThrow(/configurationUrl/);
  });

  it("refuses a bad port", () => {
    expect(() => localServer("gateway.local", { port: 70000 })).toThrow(ConfigError);
  });
});

describe("resolveServer", () => {
  it("names the valid keys when a key is unknown", () => {
    expect(() => resolveServer("tahoma")).toThrow(/Unknown Overkiz server "tahoma". Valid keys: atlantic_cozytouch, brandt/);
  });

  it("accepts a config and adds the trailing slash", () => {
    const server = resolveServer({ name: "Mock", endpoint: "http://127.0.0.1:4010", manufacturer: "Test", apiType: "cloud" });
    expect(server.endpoint).toBe("http://127.0.0.1:4010/");
  });

  it("refuses a config with an unknown apiType", () => {
    expect(() => resolveServer({ name: "X", endpoint: "https://x.test/", manufacturer: "X", apiType: "remote" as never })).toThrow(ConfigError);
  });
});
