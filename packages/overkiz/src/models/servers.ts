import { ConfigError } from "@openapp/core";

/** `cloud` for the vendors' servers, `local` for a gateway's developer-mode API. */
export type ApiType = "cloud" | "local";

/** Where an Overkiz API lives and who runs it. */
export interface ServerConfig {
  /** Our key for the server (`somfy_europe`); absent for hand-made configs. */
  key?: string | undefined;
  /** Display name of the server, e.g. `Somfy (Europe)`. */
  name: string;
  /** Base URL including the API path, ending with `/`. */
  endpoint: string;
  /** Brand or company behind the server, e.g. `Somfy`. */
  manufacturer: string;
  /** Whether this is a cloud server or a gateway's local API. */
  apiType: ApiType;
  /** Web page where users manage their account or gateway, when known. */
  configurationUrl?: string | undefined;
}

const CLOUD_PATH = "/enduser-mobile-web/enduserAPI/";
const LOCAL_PATH = "/enduser-mobile-web/1/enduserAPI/";
/** Port of the gateway's local API. */
export const DEFAULT_LOCAL_PORT = 8443;

function cloud(key: string, name: string, host: string, manufacturer: string): ServerConfig {
  return { key, name, endpoint: `https://${host}${CLOUD_PATH}`, manufacturer, apiType: "cloud" };
}

/** The cloud servers of the Overkiz platform, by brand and region. */
export const SERVERS = {
  /** Atlantic Cozytouch, cloud API at `ha110-1.overkiz.com`. */
  atlantic_cozytouch: cloud("atlantic_cozytouch", "Atlantic Cozytouch", "ha110-1.overkiz.com", "Atlantic"),
  /** Brandt Smart Control, cloud API at `ha3-1.overkiz.com`. */
  brandt: cloud("brandt", "Brandt Smart Control", "ha3-1.overkiz.com", "Brandt"),
  /** Flexom, cloud API at `ha108-1.overkiz.com`. */
  flexom: cloud("flexom", "Flexom", "ha108-1.overkiz.com", "Bouygues"),
  /** Hexaom HexaConnect, cloud API at `ha5-1.overkiz.com`. */
  hexaom_hexaconnect: cloud("hexaom_hexaconnect", "Hexaom HexaConnect", "ha5-1.overkiz.com", "Hexaom"),
  /** Hitachi Hi Kumo (Asia), cloud API at `ha203-1.overkiz.com`. */
  hi_kumo_asia: cloud("hi_kumo_asia", "Hitachi Hi Kumo (Asia)", "ha203-1.overkiz.com", "Hitachi"),
  /** Hitachi Hi Kumo (Europe), cloud API at `ha117-1.overkiz.com`. */
  hi_kumo_europe: cloud("hi_kumo_europe", "Hitachi Hi Kumo (Europe)", "ha117-1.overkiz.com", "Hitachi"),
  /** Hitachi Hi Kumo (Oceania), cloud API at `ha203-1.overkiz.com`. */
  hi_kumo_oceania: cloud("hi_kumo_oceania", "Hitachi Hi Kumo (Oceania)", "ha203-1.overkiz.com", "Hitachi"),
  /** Nexity Eugénie, cloud API at `ha106-1.overkiz.com`. */
  nexity: cloud("nexity", "Nexity Eugénie", "ha106-1.overkiz.com", "Nexity"),
  /** Rexel Energeasy Connect, cloud API reached through Rexel's proxy at `econnect-api.rexelservices.fr`. */
  rexel: {
    /** Our key for the server. */
    key: "rexel",
    /** Display name of the server. */
    name: "Rexel Energeasy Connect",
    /** Base URL of the API, ending with `/`. */
    endpoint: "https://econnect-api.rexelservices.fr/api/enduser/overkiz/",
    /** Brand behind the server. */
    manufacturer: "Rexel",
    /** A cloud server. */
    apiType: "cloud",
  },
  /** Sauter Cozytouch, cloud API at `ha110-1.overkiz.com`. */
  sauter_cozytouch: cloud("sauter_cozytouch", "Sauter Cozytouch", "ha110-1.overkiz.com", "Sauter"),
  /** SIMU (LiveIn2), cloud API at `ha101-1.overkiz.com`. */
  simu_livein2: cloud("simu_livein2", "SIMU (LiveIn2)", "ha101-1.overkiz.com", "Somfy"),
  /** Somfy (Europe), cloud API at `ha101-1.overkiz.com`. */
  somfy_europe: cloud("somfy_europe", "Somfy (Europe)", "ha101-1.overkiz.com", "Somfy"),
  /** Somfy (North America), cloud API at `ha401-1.overkiz.com`. */
  somfy_america: cloud("somfy_america", "Somfy (North America)", "ha401-1.overkiz.com", "Somfy"),
  /** Somfy (Oceania), cloud API at `ha201-1.overkiz.com`. */
  somfy_oceania: cloud("somfy_oceania", "Somfy (Oceania)", "ha201-1.overkiz.com", "Somfy"),
  /** Thermor Cozytouch, cloud API at `ha110-1.overkiz.com`. */
  thermor_cozytouch: cloud("thermor_cozytouch", "Thermor Cozytouch", "ha110-1.overkiz.com", "Thermor"),
  /** Ubiwizz, cloud API at `ha129-1.overkiz.com`. */
  ubiwizz: cloud("ubiwizz", "Ubiwizz", "ha129-1.overkiz.com", "Decelect"),
} as const satisfies Record<string, ServerConfig>;

/** A key of {@link SERVERS}, e.g. `"somfy_europe"`. */
export type ServerKey = keyof typeof SERVERS;

/** Servers whose gateways also offer the local (Developer Mode) API. */
export const SERVERS_WITH_LOCAL_API: readonly ServerKey[] = ["somfy_europe", "somfy_oceania", "somfy_america", "rexel"];

/** Options of {@link localServer}: port and how the server is named. */
export interface LocalServerOptions {
  /** Port of the local API (default 8443). */
  port?: number | undefined;
  /** Display name of the server (default `Somfy Developer Mode`). */
  name?: string | undefined;
  /** Brand shown for the server (default `Somfy`). */
  manufacturer?: string | undefined;
  /** Web page where the user manages the gateway (an `http`/`https` URL); kept as `configurationUrl`. */
  configurationUrl?: string | undefined;
}

/** A web page address given by the user: any `http`/`https` URL, kept as written. */
function pageUrl(value: unknown, what: string): string {
  let protocol: string;
  try {
    protocol = new URL(String(value)).protocol;
  } catch {
    throw new ConfigError(`${what} ${JSON.stringify(value)} is not a URL`);
  }
  if (protocol !== "https:" && protocol !== "http:") throw new ConfigError(`${what} must be an http or https URL, got ${JSON.stringify(value)}`);
  return String(value);
}

function hostForUrl(host: string): string {
  // A bare IPv6 address needs brackets before a port can follow.
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/**
 * The local API of one gateway: `localServer("gateway-1234-5678-9012.local")`,
 * `localServer("192.168.1.10", { port: 8443 })` or, with the page where the user manages it,
 * `localServer("192.168.1.10", { configurationUrl: "https://www.somfy.com/" })`.
 */
export function localServer(host: string, options: LocalServerOptions = {}): ServerConfig {
  const trimmed = typeof host === "string" ? host.trim() : "";
  if (trimmed === "" || /[/\s?#@]/.test(trimmed)) {
    throw new ConfigError(`localServer needs a host name or IP address without scheme or path, got ${JSON.stringify(host)}`);
  }
  // "192.168.1.10:8443" carries its own port (an IPv6 address has more than one colon).
  const hostAndPort = /^([^:[\]]+):(\d+)$/.exec(trimmed);
  const hostname = hostAndPort?.[1] ?? trimmed;
  const port = options.port ?? (hostAndPort ? Number(hostAndPort[2]) : DEFAULT_LOCAL_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`Invalid port ${port} for localServer`);
  const server: ServerConfig = {
    key: "somfy_developer_mode",
    name: options.name ?? "Somfy Developer Mode",
    endpoint: `https://${hostForUrl(hostname)}:${port}${LOCAL_PATH}`,
    manufacturer: options.manufacturer ?? "Somfy",
    apiType: "local",
  };
  if (options.configurationUrl !== undefined) server.configurationUrl = pageUrl(options.configurationUrl, "localServer configurationUrl");
  return server;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Parses a URL the SDK will send credentials to. Plain HTTP would expose the session cookie or
 * token, so it is only allowed for loopback test servers.
 */
export function checkedUrl(value: unknown, what: string): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new ConfigError(`${what} ${JSON.stringify(value)} is not a URL`);
  }
  const insecureButLocal = url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !insecureButLocal) {
    throw new ConfigError(`${what} must use https (got ${url.protocol}//${url.host})`);
  }
  return url;
}

function validateEndpoint(endpoint: unknown): string {
  const { href } = checkedUrl(endpoint, "Server endpoint");
  return href.endsWith("/") ? href : `${href}/`;
}

function validateConfig(config: ServerConfig): ServerConfig {
  if (config.apiType !== "cloud" && config.apiType !== "local") {
    throw new ConfigError(`Server apiType must be "cloud" or "local", got ${JSON.stringify(config.apiType)}`);
  }
  return { ...config, endpoint: validateEndpoint(config.endpoint) };
}

/** A server key or a config → a validated config. Unknown keys list the valid ones. */
export function resolveServer(server: ServerKey | ServerConfig | string): ServerConfig {
  if (typeof server === "string") {
    const known = (SERVERS as Record<string, ServerConfig>)[server];
    if (!known) throw new ConfigError(`Unknown Overkiz server "${server}". Valid keys: ${Object.keys(SERVERS).join(", ")}`);
    return validateConfig(known);
  }
  if (!server || typeof server !== "object") throw new ConfigError("`server` must be a server key or a ServerConfig");
  return validateConfig(server);
}
