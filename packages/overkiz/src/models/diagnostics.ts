/** Masks personal data in raw API JSON so it can be shared in bug reports. */

const ID_KEYS = new Set(["gatewayId", "id", "deviceURL"]);
const TEXT_KEYS = new Set(["label", "city", "country", "postalCode", "addressLine1", "addressLine2", "longitude", "latitude"]);
const EMAIL_KEYS = new Set(["owner"]);

/** States and attributes whose `value` identifies a person, a network or a place. */
export const SENSITIVE_STATE_NAMES: ReadonlySet<string> = new Set([
  "core:NameState",
  "homekit:SetupCode",
  "homekit:SetupPayload",
  "core:SSIDState",
  "core:NetworkMacState",
  "internal:CurrentInfraConfigState",
  "core:LocalIPv4AddressState",
  "core:IPAddress",
  "core:MacAddress",
  "core:SerialNumber",
  "core:DeviceSerialNumberState",
  "core:IPAddressState",
  "core:LabelState",
  "core:LocationLatitudeState",
  "core:LocationLongitudeState",
]);

/** `1234-5678-9012` → `****-****-9012`: only the last block of an id survives. */
export function maskIdentifier(value: string): string {
  return value.replace(/(?:SETUP)?\d+-/g, "****-");
}

/** Every word becomes one `*` (`"My Room"` → `"* *"`); non-strings are stringified first. */
export function maskText(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return text.replace(/[\p{L}\p{N}_.-]+/gu, "*");
}

/** `contact@somfy.com` → `c****@****y.com`; Nexity's `_-_` stands for `@`. */
export function maskEmail(value: string): string {
  const email = value.replace("_-_", "@");
  const match = /^(.)[^@]*@(.*?)(.)(\.[^.@]+)$/.exec(email);
  if (!match) return maskText(value);
  const [, first, , lastBeforeTld, tld] = match;
  return `${first}****@****${lastBeforeTld}${tld}`;
}

function maskValue(key: string, value: unknown): unknown {
  if (ID_KEYS.has(key) && typeof value === "string") return maskIdentifier(value);
  if (TEXT_KEYS.has(key) && value !== null && value !== undefined) return maskText(value);
  if (EMAIL_KEYS.has(key) && typeof value === "string") return maskEmail(value);
  return obfuscateSensitiveData(value);
}

function obfuscateObject(input: Record<string, unknown>): Record<string, unknown> {
  // Decided before walking the keys, so `value` is masked whatever the key order.
  const sensitiveValue = typeof input.name === "string" && SENSITIVE_STATE_NAMES.has(input.name) && "value" in input;
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    output[key] = sensitiveValue && key === "value" ? maskText(value) : maskValue(key, value);
  }
  return output;
}

/**
 * Walks objects and arrays: ids keep their last block, labels and address parts become `*`,
 * e-mails are shortened and sensitive state values masked. Strings directly inside arrays are
 * left alone. Returns a new value; the input is not modified.
 */
export function obfuscateSensitiveData<T>(data: T): T {
  if (Array.isArray(data)) return data.map((item) => (item !== null && typeof item === "object" ? obfuscateSensitiveData(item) : item)) as T;
  if (data !== null && typeof data === "object") return obfuscateObject(data as Record<string, unknown>) as T;
  return data;
}
