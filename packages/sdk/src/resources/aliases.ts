import { AliasesOperations, EntityActionsOperations, McpOperations } from "../generated/resources-v1.js";

/** `client.aliases` (OpenApp 1.0): other names of an organization's resources, used by resolve. */
export class AliasesResource extends AliasesOperations {}

/** `client.mcp` (OpenApp 1.0): the Model Context Protocol (JSON-RPC 2.0) endpoint. */
export class McpResource extends McpOperations {}

/** `client.entityActions` (OpenApp 1.0): entity actions with preview, confirmation and idempotency keys. */
export class EntityActionsResource extends EntityActionsOperations {}
