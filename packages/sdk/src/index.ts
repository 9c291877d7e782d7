export { OpenAppClient } from "./client.js";
export {
  DEFAULT_ENTITY_ACTIONS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type EntityShortcut,
  type OpenAppClientOptions,
  type OpenAppContext,
  type OpenAppKit,
} from "./client.js";
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
export {
  errorBody,
  type OpenAppErrorBody,
  AmbiguousResourceError,
  AuditExportError,
  type NameMatch,
  ResourceNotFoundError,
  ScriptingJobError,
  ConfirmationRequiredError,
  ConfirmationDeclinedError,
  ActionIntervalError,
} from "./errors.js";
export type { ActionOptions, ActionPreview, ActionArguments, ConfirmedActionResult } from "./internal/entity-action.js";
export type { ApiVersion, OpenAppV1Context, OpenAppV1Kit } from "./client.js";
export type { GetByNameOptions, NameMatchMode } from "./internal/by-name.js";
export { AgentsResource } from "./resources/agents.js";
export { AliasesResource, EntityActionsResource, McpResource } from "./resources/aliases.js";
export { AUDIT_WINDOW_DAYS, AuditResource, type AuditEvent, type AuditEventFilters, type AuditExportJob, type WaitForExportOptions } from "./resources/audit.js";
export { InvitesResource, MyInvitesResource } from "./resources/invites.js";
export { ResolveResource, type ResolveCandidate } from "./resources/resolve.js";
export { ScriptingExecutionsResource } from "./resources/scripting-executions.js";
export type { ExecuteOptions } from "./resources/scripting.js";
export type { ApartmentResidentsResource, apartmentResidentsResource } from "./resources/apartment-residents.js";
export type { ApiKeysResource, apiKeysResource } from "./resources/api-keys.js";
export type { AuthResource, authResource } from "./resources/auth.js";
export type { BillingResource, billingResource } from "./resources/billing.js";
export type { DevicesResource, devicesResource } from "./resources/devices.js";
export type { EntitiesResource, entitiesResource, EntityHandle, Shortcut, ActionBody, ActionResult } from "./resources/entities.js";
export type { EulaResource, eulaResource } from "./resources/eula.js";
export type { IntegrationsResource, integrationsResource } from "./resources/integrations.js";
export type { LanAgentResource, lanAgentResource } from "./resources/lan-agent.js";
export type { MeResource, meResource } from "./resources/me.js";
export type { OrgsResource, orgsResource } from "./resources/orgs.js";
export type { PublicAccessResource, publicAccessResource } from "./resources/public-access.js";
export type { ScriptingResource, scriptingResource } from "./resources/scripting.js";
export type { StatusResource, statusResource } from "./resources/status.js";
export type { UsersResource, usersResource } from "./resources/users.js";
export type { ZonesResource, zonesResource } from "./resources/zones.js";

export type * from "@openapp/openapp-generated";
export {
  SdkError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  IdempotencyConflictError,
  IdempotencyInFlightError,
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
