/**
 * Builds one valid request per operation from a bundled OpenAPI document: named examples first,
 * then defaults and enums, then the smallest value the schema allows. Used by contract smoke tests.
 */
type Json = Record<string, any>;

export interface SampleRequest {
  operationId: string;
  method: string;
  path: string;
  params: { path: Json; query: Json; header: Json };
  body?: unknown;
  contentType?: string;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

function resolve(spec: Json, node: Json | undefined): Json {
  let current = node ?? {};
  while (typeof current.$ref === "string") {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

function firstExample(spec: Json, holder: Json): { found: boolean; value?: unknown } {
  if ("example" in holder) return { found: true, value: holder.example };
  const named = Object.values<Json>(holder.examples ?? {})[0];
  if (named !== undefined) {
    const example = resolve(spec, named);
    if ("value" in example) return { found: true, value: example.value };
  }
  if (Array.isArray(holder.examples) && holder.examples.length > 0) return { found: true, value: holder.examples[0] };
  return { found: false };
}

function sampleString(schema: Json): unknown {
  switch (schema.format) {
    case "date-time":
      return "2026-11-21T10:00:00Z";
    case "date":
      return "2026-11-21";
    case "email":
      return "ada@example.com";
    case "uuid":
      return "8a7c2f3e-5b1d-4e6f-9a0b-1c2d3e4f5a6b";
    case "uri":
    case "url":
      return "https://example.com/resource";
    case "binary":
      return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "application/octet-stream" });
    default:
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
  }
}

export function sampleValue(spec: Json, raw: Json | undefined, depth = 0): unknown {
  const schema = resolve(spec, raw);
  const example = firstExample(spec, schema);
  if (example.found) return example.value;
  if ("const" in schema) return schema.const;
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) {
    const choice = alternatives.map((s: Json) => resolve(spec, s)).find((s: Json) => s.type !== "null") ?? alternatives[0];
    return sampleValue(spec, choice, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((part: Json) => sampleValue(spec, part, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "object" || schema.properties) return sampleObject(spec, schema, depth);
  if (type === "array") return depth > 6 ? [] : Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(spec, schema.items, depth + 1));
  if (type === "integer" || type === "number") return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  if (type === "boolean") return false;
  if (type === "string" || schema.format) return sampleString(schema);
  return type === "null" ? null : {};
}

function sampleObject(spec: Json, schema: Json, depth: number): Json {
  const result: Json = {};
  for (const name of schema.required ?? []) {
    result[name] = sampleValue(spec, schema.properties?.[name], depth + 1);
  }
  return result;
}

function parameterValue(spec: Json, parameter: Json): unknown {
  const example = firstExample(spec, parameter);
  return example.found ? example.value : sampleValue(spec, parameter.schema);
}

function sampleBody(spec: Json, requestBody: Json | undefined): { body?: unknown; contentType?: string } {
  const body = resolve(spec, requestBody);
  const [contentType, media] = Object.entries<Json>(body.content ?? {})[0] ?? [];
  if (!contentType || !media) return {};
  const example = firstExample(spec, media);
  const value = example.found ? example.value : sampleValue(spec, media.schema);
  if (contentType === "application/octet-stream") return { contentType, body: new Blob([new Uint8Array([1, 2, 3])]) };
  return { contentType, body: withBlobs(spec, media.schema, value, contentType) };
}

/** Multipart examples cannot carry files; put a Blob wherever the schema says binary. */
function withBlobs(spec: Json, rawSchema: Json | undefined, value: unknown, contentType: string): unknown {
  if (!contentType.startsWith("multipart/") || !value || typeof value !== "object") return value;
  const schema = resolve(spec, rawSchema);
  const out: Json = { ...(value as Json) };
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    const prop = resolve(spec, property);
    if (prop.format === "binary" || prop.contentMediaType) {
      out[name] = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" });
    }
  }
  return out;
}

export function sampleRequests(spec: Json): SampleRequest[] {
  const requests: SampleRequest[] = [];
  for (const [path, rawItem] of Object.entries<Json>(spec.paths ?? {})) {
    const item = resolve(spec, rawItem);
    for (const method of METHODS) {
      const op: Json | undefined = item[method];
      if (!op) continue;
      const params: SampleRequest["params"] = { path: {}, query: {}, header: {} };
      for (const parameter of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => resolve(spec, p))) {
        const group = parameter.in as keyof SampleRequest["params"];
        if (!(group in params) || (!parameter.required && parameter.in !== "path")) continue;
        params[group][parameter.name] = parameterValue(spec, parameter);
      }
      requests.push({ operationId: op.operationId, method: method.toUpperCase(), path, params, ...sampleBody(spec, op.requestBody) });
    }
  }
  return requests;
}
