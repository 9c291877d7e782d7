import { InvitesOperations, MyInvitesOperations } from "../generated/resources-v1.js";
import { rememberOneTimeSecrets } from "../internal/one-time-secrets.js";
import type { Body, OpenAppRequestOptions, Result } from "../models/v1-operation-types.js";

/**
 * `client.invites` (OpenApp 1.0): guest access invites of an integration, built for external
 * systems (`external_ref`, `reconcile`); `list` pages `{ items, total }` by offset. The one-time
 * `invite_token` / `invite_url` of create, reconcile and regenerate answers are masked in the SDK's
 * logs and error messages once received.
 */
export class InvitesResource extends InvitesOperations {
  /** Like the generated create, and remembers the one-time secrets. Errors: see {@link OpenAppClient}. */
  override async create(id: string, body: Body<"create_integration_access_invite">, options?: OpenAppRequestOptions): Promise<Result<"create_integration_access_invite">> {
    return rememberOneTimeSecrets(this.ctx, await super.create(id, body, options));
  }

  /** Like the generated reconcile, and remembers the one-time secrets. Errors: see {@link OpenAppClient}. */
  override async reconcile(id: string, body: Body<"reconcile_integration_access_invite">, options?: OpenAppRequestOptions): Promise<Result<"reconcile_integration_access_invite">> {
    return rememberOneTimeSecrets(this.ctx, await super.reconcile(id, body, options));
  }

  /** Like the generated regenerateToken, and remembers the new one-time secrets. Errors: see {@link OpenAppClient}. */
  override async regenerateToken(id: string, inviteLinkId: string, options?: OpenAppRequestOptions): Promise<Result<"regenerate_integration_access_invite_token">> {
    return rememberOneTimeSecrets(this.ctx, await super.regenerateToken(id, inviteLinkId, options));
  }
}

/** `client.myInvites` (OpenApp 1.0): invites addressed to the calling user. */
export class MyInvitesResource extends MyInvitesOperations {}
