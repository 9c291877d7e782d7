/**
 * Masks personal data in raw API JSON so it can be shared in bug reports. The same input always
 * gives the same mask, so an id still lines up with its references after masking.
 *
 * Keys are sorted into: identifiers (only their last block survives), personal text (each word
 * becomes `*`), e-mail addresses (shortened), secrets (`***`), and an allow list of technical
 * fields kept as they are. A plain string under any other key is masked as text, so a field the
 * SDK does not know yet cannot leak.
 */
import { REDACTED, isSensitiveName } from "@openapp/core";

/** Keys whose values are kept: technical names and states that say nothing about the user. */
export const DIAGNOSTIC_ALLOWED_KEYS: ReadonlySet<string> = new Set([
  "name",
  "qualifiedName",
  "commandName",
  "controllableName",
  "type",
  "subType",
  "uiClass",
  "widget",
  "widgetName",
  "uiProfiles",
  "uiClassifiers",
  "values",
  "value",
  "rawStateId",
  "state",
  "status",
  "newState",
  "oldState",
  "failureType",
  "executionType",
  "executionSubType",
  "mode",
  "protocolVersion",
  "firmwareVersion",
  "functions",
  "updateStatus",
  "updateCriticityLevel",
  "timezone",
  "twilightAngle",
  "resellerDelegationType",
  "notificationCondition",
  "notificationType",
  "source",
  "scope",
  "prefix",
  "tariffMode",
  "startTime",
  "owningPartners",
  "owningPartner",
  "itemType",
]);

/** Values naming a person, a place, a network or a device's identity. */
const TEXT_KEYS = new Set([
  "label",
  "description",
  "metadata",
  "city",
  "country",
  "countryCode",
  "postalCode",
  "addressLine1",
  "addressLine2",
  "longitude",
  "latitude",
  "twilightCity",
  "notificationText",
  "notificationTitle",
  "targetPhoneNumbers",
]);

const EMAIL_KEYS = new Set(["owner", "email", "userId", "targetEmailAddresses"]);

/** Keys that hold a secret outright, besides anything core calls sensitive (token, password, …). */
const SECRET_KEYS = new Set(["targetPushSubscriptions"]);

/** `gatewayId`, `deviceURL`, `placeOID`, `deviceURLs`, `id`, `oid`, `uuid`, … */
const IDENTIFIER_KEY = /^(id|oid|uuid)$|Ids?$|OIDs?$|URLs?$/;

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

/** Catches vendor states the list above does not name yet (`ovp:WifiSSIDState`, `x:OwnerEmail`, …). */
const SENSITIVE_STATE_PATTERN = /Name|Label|SSID|Mac|IP(v[46])?Address|Serial|Latitude|Longitude|Location|Address|Country|City|PostalCode|E?mail|Phone|Password|Token|SetupCode|SetupPayload/i;

/** Whether a state name is known or looks like personal data (names, addresses, SSIDs, tokens, …). */
export function isSensitiveStateName(name: unknown): boolean {
  if (typeof name !== "string") return false;
  return SENSITIVE_STATE_NAMES.has(name) || SENSITIVE_STATE_PATTERN.test(name.slice(name.indexOf(":") + 1));
}

const EMAIL = /^[^\s@]+(@|_-_)[^\s@]+\.[^\s@.]+$/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{8}([0-9a-f]{4})\b/gi;
const SERIAL = /[A-Za-z0-9]{2,}(?=[A-Za-z0-9]{4}\b)/g;

/**
 * `1234-5678-9012` → `****-****-9012`: only the last block of an id survives. UUIDs keep their
 * last 4 characters; other serial-like ids (`SOMFY_PROTECT-5GLO7KL1AB`) their last 4 too.
 */
export function maskIdentifier(value: string): string {
  const masked = value.replace(UUID, "********-****-****-****-********$1").replace(/(?:SETUP)?\d+-/g, "****-");
  if (masked !== value) return masked;
  // Nothing matched: mask every long alphanumeric run that carries a digit, keeping its tail.
  return value.replace(/[A-Za-z0-9]{6,}/g, (run) => (/\d/.test(run) ? run.replace(SERIAL, (head) => "*".repeat(head.length)) : run));
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

type Mask = (value: string) => string;

const keep: Mask = (value) => value;
const redact: Mask = () => REDACTED;
/** Command parameters: words are masked (names, codes); numbers such as positions are kept. */
const maskParameter: Mask = (value) => maskText(value);

/** The mask for strings under `key`; undefined for a key on no list. */
function maskFor(key: string): Mask | undefined {
  if (SECRET_KEYS.has(key) || isSensitiveName(key)) return redact;
  if (EMAIL_KEYS.has(key)) return maskEmail;
  if (TEXT_KEYS.has(key)) return maskText;
  if (key === "parameters") return maskParameter;
  if (IDENTIFIER_KEY.test(key)) return maskIdentifier;
  if (DIAGNOSTIC_ALLOWED_KEYS.has(key)) return keep;
  return undefined;
}

function maskString(key: string, value: string): string {
  if (EMAIL.test(value.trim())) return maskEmail(value.trim());
  return (maskFor(key) ?? maskText)(value);
}

function maskScalar(key: string, value: unknown): unknown {
  if (typeof value === "string") return maskString(key, value);
  if (typeof value !== "number") return value;
  // Numbers only leak as coordinates, phone-like text or secrets.
  const mask = maskFor(key);
  return mask === maskText || mask === redact ? mask(String(value)) : value;
}

function maskArray(key: string, items: readonly unknown[]): unknown[] {
  return items.map((item) => {
    if (item !== null && typeof item === "object") return obfuscateSensitiveData(item);
    // Plain strings in a list under a key on no list are kept (enumerations, as pyoverkiz does).
    if (typeof item === "string" && maskFor(key) === undefined) return item;
    return maskScalar(key, item);
  });
}

function maskValue(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return maskArray(key, value);
  if (value !== null && typeof value === "object") return obfuscateSensitiveData(value);
  return maskScalar(key, value);
}

/**
 * `{ name, value }` pairs (states, attributes, option parameters) carry the value's meaning in
 * `name`: a sensitive state is masked as text, `{ name: "gatewayId", value }` as an identifier.
 */
function pairValueMask(input: Record<string, unknown>): ((value: unknown) => unknown) | undefined {
  if (!("value" in input)) return undefined;
  const name = input.name ?? input.qualifiedName;
  if (isSensitiveStateName(name)) return maskText;
  const mask = typeof name === "string" ? maskFor(name) : undefined;
  return mask && mask !== keep ? (value) => maskValue(name as string, value) : undefined;
}

function obfuscateObject(input: Record<string, unknown>): Record<string, unknown> {
  // Decided before walking the keys, so `value` is masked whatever the key order.
  const valueMask = pairValueMask(input);
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    output[key] = valueMask && key === "value" ? valueMask(value) : maskValue(key, value);
  }
  return output;
}

/**
 * Walks objects and arrays and masks as described at the top of this file. Returns a new
 * value; the input is not modified.
 */
export function obfuscateSensitiveData<T>(data: T): T {
  if (Array.isArray(data)) return maskArray("", data) as T;
  if (data !== null && typeof data === "object") return obfuscateObject(data as Record<string, unknown>) as T;
  return data;
}
