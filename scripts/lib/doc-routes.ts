/**
 * Checks the routes hand-written doc comments name (`GET /devices/{id}`) against the operation
 * table: a documented method that calls an operation (`kit.call("get_device", …)`, `kit.list`,
 * `kit.callWithResponse`) may only name the routes of the operations it calls. A façade served by
 * several specs (OpenApp 0.1 and 1.0) passes the rows of all of them: an id may have one per spec.
 */
import ts from "typescript";

/** An operation's method and path, as the generated table has them. */
export interface RouteRow {
  method: string;
  path: string;
}

/** operationId → its rows, one per spec that has it. */
export type RouteTable = Record<string, readonly RouteRow[]>;

/** A doc comment that names a route none of the method's operations has. */
export interface RouteMismatch {
  file: string;
  line: number;
  named: string;
  calls: string[];
}

const ROUTE = /`(GET|PUT|POST|DELETE|PATCH) (\/[^`\s]*)`/g;
const KIT_METHODS = new Set(["call", "list", "callWithResponse"]);

const routeOf = (row: RouteRow) => `${row.method.toUpperCase()} ${row.path}`;

/** The operation ids a function body passes to the kit, in call order. */
function calledOperations(body: ts.Node, table: RouteTable): string[] {
  const ids: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && KIT_METHODS.has(node.expression.name.text)) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first) && first.text in table) ids.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return ids;
}

/** The body of a documented function-like node: methods, functions, and properties holding a function. */
function documentedBody(node: ts.Node): ts.Node | undefined {
  if (ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isGetAccessorDeclaration(node)) return node.body;
  if (ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) {
    const value = node.initializer;
    if (value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return value.body;
  }
  return undefined;
}

function docText(node: ts.Node, source: ts.SourceFile): string {
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return (ts.getLeadingCommentRanges(source.text, holder.getFullStart()) ?? [])
    .map((range) => source.text.slice(range.pos, range.end))
    .filter((text) => text.startsWith("/**"))
    .join("\n");
}

/** Every route a doc comment in `text` names that the documented method does not call. */
export function routeMismatches(file: string, text: string, table: RouteTable): RouteMismatch[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const mismatches: RouteMismatch[] = [];
  const visit = (node: ts.Node) => {
    const body = documentedBody(node);
    if (body) {
      const calls = calledOperations(body, table);
      const routes = new Set(calls.flatMap((id) => (table[id] ?? []).map(routeOf)));
      for (const [, method, path] of calls.length === 0 ? [] : docText(node, source).matchAll(ROUTE)) {
        const named = `${method} ${path}`;
        if (routes.has(named)) continue;
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        mismatches.push({ file, line, named, calls: calls.map((id) => `${id} (${(table[id] ?? []).map(routeOf).join(" | ")})`) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return mismatches;
}
