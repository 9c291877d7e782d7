export { OpenAppClient } from "./client.js";
export { DEFAULT_ENTITY_ACTIONS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type OpenAppClientOptions } from "./client.js";
export type { ApiVersion, EntityShortcut, OpenAppContext, OpenAppKit, OpenAppV1Context, OpenAppV1Kit } from "./context.js";
export { IMAGE_TYPES, type ImageFromUrlOptions, type ImageUploadOptions } from "./internal/upload-image.js";
export type { ImageMethods } from "./internal/image-methods.js";
export type {
  Body,
  FlatQuery,
  ImageUploadOperationId,
  Item,
  ListParams,
  Members,
  ObjectQueryName,
  OpenAppRequestOptions,
  Operation,
  OperationId,
  PaginatedOperationId,
  Query,
  RawQuery,
  Result,
  Table,
} from "./models/operation-types.js";
export { errorBody, type OpenAppErrorBody } from "./models/error-body.js";
export { AmbiguousResourceError, AuditExportError, type NameMatch, ResourceNotFoundError, ScriptingJobError } from "./errors.js";
export type { GetByNameOptions, NameMatchMode } from "./internal/by-name.js";
export { AgentsResource } from "./resources/agents.js";
export { AliasesResource, EntityActionsResource, McpResource } from "./resources/aliases.js";
export { AUDIT_WINDOW_DAYS, AuditResource, type AuditEvent, type AuditEventFilters, type AuditExportJob, type WaitForExportOptions } from "./resources/audit.js";
export { InvitesResource, MyInvitesResource } from "./resources/invites.js";
export { ResolveResource, type ResolveCandidate } from "./resources/resolve.js";
export { ScriptingExecutionsResource } from "./resources/scripting-executions.js";
export type { ExecuteOptions } from "./resources/scripting.js";
export type { ApartmentResidentsResource } from "./resources/apartment-residents.js";
export type { ApiKeysResource } from "./resources/api-keys.js";
export type { AuthResource } from "./resources/auth.js";
export type { BillingResource } from "./resources/billing.js";
export type { DevicesResource } from "./resources/devices.js";
export type { EntitiesResource, EntityHandle, Shortcut, ActionBody, ActionResult } from "./resources/entities.js";
export type { EulaResource } from "./resources/eula.js";
export type { IntegrationsResource } from "./resources/integrations.js";
export type { LanAgentResource } from "./resources/lan-agent.js";
export type { MeResource } from "./resources/me.js";
export type { OrgsResource } from "./resources/orgs.js";
export type { PublicAccessResource } from "./resources/public-access.js";
export type { ScriptingResource } from "./resources/scripting.js";
export type { StatusResource } from "./resources/status.js";
export type { UsersResource } from "./resources/users.js";
export type { ZonesResource } from "./resources/zones.js";

export type * from "@openapp/openapp-generated";
export {
  SdkError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  RedirectError,
  ResponseBodyError,
  ResponseParseError,
  ResponseTooLargeError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ConfigError,
  SerializationError,
  ValidationError,
  Page,
  PagePromise,
  type Logger,
  type Middleware,
  type RequestOptions,
  type Uploadable,
} from "@openapp/core";
