/**
 * The generated pass-through layer of a façade: for every operation whose spec entry carries
 * `x-sdk-method: "<resource>.<method>"`, a method on the resource's generated base class
 * (`DevicesOperations extends Resource<Ctx>`) that names the operation and passes its inputs,
 * documented from the spec. Hand-written resource classes extend these bases and add behaviour.
 */
import { GENERATED_HEADER, resolveRef } from "./codegen.js";
import type { Facade } from "./vendors.js";

type Json = Record<string, any>;

/** The spec extension naming the façade method of an operation. */
export const SDK_METHOD_EXTENSION = "x-sdk-method";

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;
const METHOD_NAME = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;

/** One annotated operation, as much as its generated method needs. */
export interface PassThrough {
  operationId: string;
  resource: string;
  method: string;
  httpMethod: string;
  route: string;
  summary: string;
  description: string;
  /** Path parameters in the order they appear in the route, with the argument name each gets. */
  pathParams: Array<{ name: string; argument: string; type: "string" | "number" }>;
  hasBody: boolean;
  /** Whether the operation takes query parameters, and whether one of them is required. */
  query: "none" | "optional" | "required";
  paginated: boolean;
  /** No 2xx answer has a body: the method resolves to nothing. */
  noContent: boolean;
}

const camelCase = (name: string) => name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
const pascalCase = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The base class name of a resource: `devices` → `DevicesOperations`. */
export const operationsClassName = (resource: string) => `${pascalCase(resource)}Operations`;

/** English plural segments as the specs spell them: `entities` → `entity`, `orgs` → `org`. */
const singular = (segment: string) => segment.replace(/ies$/, "y").replace(/s$/, "");

const kebabCase = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The argument a path parameter becomes: its camelCase name, except that a bare `{id}` under
 * another resource's segment names that resource in the singular
 * (`/orgs/{id}/billing/plan` on `billing` → `orgId`, `/entities/{id}/actions` → `entityId`).
 */
function argumentName(route: string, param: string, resource: string): string {
  if (param !== "id") return camelCase(param);
  const segment = route.split("/").at(route.split("/").indexOf("{id}") - 1) ?? "";
  return segment === kebabCase(resource) || segment === "" ? "id" : `${camelCase(singular(segment))}Id`;
}

function parameterType(schema: Json | undefined): "string" | "number" {
  return schema?.type === "integer" || schema?.type === "number" ? "number" : "string";
}

function noContent(spec: Json, responses: Json): boolean {
  return Object.entries(responses ?? {})
    .filter(([status]) => /^2(\d\d|XX)$/i.test(status))
    .every(([, raw]) => Object.keys(resolveRef(spec, raw)?.content ?? {}).length === 0);
}

/**
 * A required query parameter the caller must give. An object parameter (`pagination`,
 * `output_options`) is flattened into the method's `params` with every member optional.
 */
function requiredByCaller(spec: Json, parameter: Json): boolean {
  const schema = parameter.schema ? resolveRef(spec, parameter.schema) : undefined;
  return parameter.required === true && schema?.type !== "object" && schema?.properties === undefined;
}

function passThrough(spec: Json, route: string, httpMethod: string, op: Json, parameters: Json[]): PassThrough {
  const name = op[SDK_METHOD_EXTENSION];
  const match = typeof name === "string" ? METHOD_NAME.exec(name) : null;
  if (!match) throw new Error(`${op.operationId}: ${SDK_METHOD_EXTENSION} must be "<resource>.<method>" in camelCase, got ${JSON.stringify(name)}`);
  const byName = new Map(parameters.filter((p) => p.in === "path").map((p) => [p.name as string, p]));
  const pathParams = [...route.matchAll(/\{([^{}]+)\}/g)].map(([, param]) => {
    const declared = byName.get(param as string);
    if (!declared) throw new Error(`${op.operationId}: path parameter {${param}} is not declared`);
    return { name: param as string, argument: argumentName(route, param as string, match[1] as string), type: parameterType(declared.schema) };
  });
  const queries = parameters.filter((p) => p.in === "query");
  const names = new Set(queries.map((p) => p.name));
  return {
    operationId: op.operationId,
    resource: match[1] as string,
    method: match[2] as string,
    httpMethod: httpMethod.toUpperCase(),
    route,
    summary: String(op.summary ?? "").trim(),
    description: String(op.description ?? "").trim(),
    pathParams,
    hasBody: op.requestBody !== undefined,
    query: queries.length === 0 ? "none" : queries.some((p) => requiredByCaller(spec, p)) ? "required" : "optional",
    paginated: names.has("pagination") || (names.has("limit") && names.has("offset")),
    noContent: noContent(spec, op.responses),
  };
}

/** Every operation of the spec that names its façade method, in spec order. */
export function collectPassThroughs(spec: Json): PassThrough[] {
  const found: PassThrough[] = [];
  for (const [route, rawItem] of Object.entries<Json>(spec.paths ?? {})) {
    const item = resolveRef(spec, rawItem);
    const shared: Json[] = (item.parameters ?? []).map((p: Json) => resolveRef(spec, p));
    for (const httpMethod of HTTP_METHODS) {
      const op: Json | undefined = item[httpMethod];
      if (!op || op[SDK_METHOD_EXTENSION] === undefined) continue;
      const own: Json[] = (op.parameters ?? []).map((p: Json) => resolveRef(spec, p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      found.push(passThrough(spec, route, httpMethod, op, parameters));
    }
  }
  const seen = new Map<string, string>();
  for (const { resource, method, operationId } of found) {
    const key = `${resource}.${method}`;
    const other = seen.get(key);
    if (other) throw new Error(`${SDK_METHOD_EXTENSION} ${key} names both ${other} and ${operationId}`);
    seen.set(key, operationId);
  }
  return found;
}

/** A doc comment body line; `*\/` would end the comment early. */
const docLine = (text: string) => (text === "" ? " *" : ` * ${text.replace(/\*\//g, "*\\/")}`);

function docComment(op: PassThrough, facade: Facade): string {
  const prose = [op.summary.replace(/\.?$/, "."), ...(op.description ? ["", ...op.description.split("\n")] : [])];
  const route = `\`${op.httpMethod} ${op.route}\`${op.paginated ? ", one request per page" : ""} (\`${op.operationId}\`).`;
  const errors = `Errors: see {@link ${facade.errorContract}}.`;
  return ["  /**", ...[...prose, "", route, errors].map((line) => `  ${docLine(line)}`), "   */"].join("\n");
}

function parameterList(op: PassThrough, facade: Facade): string[] {
  const id = JSON.stringify(op.operationId);
  const params = op.pathParams.map((p) => `${p.argument}: ${p.type}`);
  if (op.hasBody) params.push(`body: Body<${id}>`);
  if (op.query !== "none") params.push(`params${op.query === "required" ? "" : "?"}: ${op.paginated ? "ListParams" : "Query"}<${id}>`);
  params.push(`options?: ${facade.requestOptions.name}`);
  return params;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
const propertyName = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function callInput(op: PassThrough): string {
  const parts: string[] = [];
  if (op.pathParams.length > 0) {
    const members = op.pathParams.map((p) => (p.argument === p.name ? p.name : `${propertyName(p.name)}: ${p.argument}`));
    parts.push(`path: { ${members.join(", ")} }`);
  }
  if (op.hasBody) parts.push("body");
  if (op.query !== "none") parts.push("query: params");
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

const returnsVoid = (op: PassThrough, facade: Facade) => op.noContent && facade.voidWithoutContent;

function methodSource(op: PassThrough, facade: Facade): string {
  const id = JSON.stringify(op.operationId);
  const signature = `${op.method}(${parameterList(op, facade).join(", ")})`;
  const input = callInput(op);
  const body = op.paginated
    ? `${signature}: PagePromise<Item<${id}>> {\n    return this.ctx.kit.list(${id}, ${input}, options);\n  }`
    : returnsVoid(op, facade)
      ? `async ${signature}: Promise<void> {\n    await this.ctx.kit.call(${id}, ${input}, options);\n  }`
      : `${signature}: Promise<Result<${id}>> {\n    return this.ctx.kit.call(${id}, ${input}, options);\n  }`;
  return `${docComment(op, facade)}\n  ${body}`;
}

function classSource(resource: string, ops: PassThrough[], facade: Facade): string {
  const name = operationsClassName(resource);
  const methods = ops.map((op) => methodSource(op, facade)).join("\n\n");
  return `/** The pass-through methods of \`${resource}\`, generated from the spec's \`${SDK_METHOD_EXTENSION}\` entries. */
export abstract class ${name} extends Resource<${facade.context.name}> {
${methods}
}`;
}

function importLines(ops: PassThrough[], facade: Facade): string[] {
  const used = (name: string, when: (op: PassThrough) => boolean) => (ops.some(when) ? [name] : []);
  const typeNames = [
    ...used("Body", (op) => op.hasBody),
    ...used("Item", (op) => op.paginated),
    ...used("ListParams", (op) => op.paginated),
    ...used("Query", (op) => op.query !== "none" && !op.paginated),
    ...used("Result", (op) => !op.paginated && !returnsVoid(op, facade)),
  ];
  const core = ["Resource", ...(ops.some((op) => op.paginated) ? ["type PagePromise"] : [])];
  const options = facade.requestOptions;
  if (options.from === "@openapp/core") core.push(`type ${options.name}`);
  else if (options.from === facade.operationTypes) typeNames.push(options.name);
  const lines = [`import { ${core.sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""))).join(", ")} } from "@openapp/core";`];
  lines.push(`import type { ${facade.context.name} } from "${facade.context.from}";`);
  if (typeNames.length > 0) lines.push(`import type { ${typeNames.sort().join(", ")} } from "${facade.operationTypes}";`);
  if (options.from !== "@openapp/core" && options.from !== facade.operationTypes) lines.push(`import type { ${options.name} } from "${options.from}";`);
  return lines;
}

/** The façade's generated resource base classes, one per resource named in the spec. */
export function generateResourceBases(spec: Json, facade: Facade): string {
  const ops = collectPassThroughs(spec);
  const resources = [...new Set(ops.map((op) => op.resource))].sort();
  const classes = resources.map((resource) => classSource(resource, ops.filter((op) => op.resource === resource), facade));
  const body = ops.length === 0 ? "export {};" : `${importLines(ops, facade).join("\n")}\n\n${classes.join("\n\n")}`;
  return `${GENERATED_HEADER}\n${body}\n`;
}
