import { type PagePromise, Resource } from "@openapp/core";
import type { OpenAppV1Context } from "../client.js";
import { rememberOneTimeSecrets } from "../internal/one-time-secrets.js";
import type { Body, Item, ListParams, OpenAppRequestOptions as Options, Result } from "../models/v1-operation-types.js";

/**
 * `client.invites` (OpenApp 1.0): guest access invites of an integration, built for external
 * systems (`external_ref`, `reconcile`). The one-time `invite_token` / `invite_url` of create,
 * reconcile and regenerate answers are masked in the SDK's logs and error messages once received.
 * Every call acts in an organization (`X-Org`). Errors: see {@link OpenAppClient}.
 */
export class InvitesResource extends Resource<OpenAppV1Context> {
  /**
   * Invites of an integration, filtered (`kind`, `state`, `external_source`, `external_record_id`,
   * `portal_id`, `valid_from_after`, `valid_to_before`) and paged by `limit`/`offset`: `await` gives
   * the first `{ items, total }` page, `for await` walks every invite. `GET /integrations/{id}/access-invites`.
   */
  list(integrationId: string, params?: ListParams<"list_integration_access_invites">, options?: Options): PagePromise<Item<"list_integration_access_invites">> {
    return this.ctx.kit.list("list_integration_access_invites", { path: { id: integrationId }, query: params }, options);
  }

  /** Creates an invite; deduplicated by `Idempotency-Key`. `POST /integrations/{id}/access-invites`. */
  async create(integrationId: string, body: Body<"create_integration_access_invite">, options?: Options): Promise<Result<"create_integration_access_invite">> {
    return rememberOneTimeSecrets(this.ctx, await this.ctx.kit.call("create_integration_access_invite", { path: { id: integrationId }, body }, options));
  }

  /** Validates a create body and shows the invite it would make. `POST /integrations/{id}/access-invites/preview`. */
  preview(integrationId: string, body: Body<"preview_integration_access_invite">, options?: Options): Promise<Result<"preview_integration_access_invite">> {
    return this.ctx.kit.call("preview_integration_access_invite", { path: { id: integrationId }, body }, options);
  }

  /**
   * Makes the invite of an external record (`external_ref`) match a desired state: `active`
   * creates or updates it, `revoked` revokes it; an older `revision` is refused. Deduplicated by
   * `Idempotency-Key`. `POST /integrations/{id}/access-invites/reconcile`.
   */
  async reconcile(integrationId: string, body: Body<"reconcile_integration_access_invite">, options?: Options): Promise<Result<"reconcile_integration_access_invite">> {
    return rememberOneTimeSecrets(this.ctx, await this.ctx.kit.call("reconcile_integration_access_invite", { path: { id: integrationId }, body }, options));
  }

  /** `PUT /integrations/{id}/access-invites/{invite_link_id}`. */
  update(integrationId: string, inviteLinkId: string, body: Body<"update_integration_access_invite">, options?: Options): Promise<Result<"update_integration_access_invite">> {
    return this.ctx.kit.call("update_integration_access_invite", { path: { id: integrationId, invite_link_id: inviteLinkId }, body }, options);
  }

  /** `DELETE /integrations/{id}/access-invites/{invite_link_id}`. */
  delete(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"delete_integration_access_invite">> {
    return this.ctx.kit.call("delete_integration_access_invite", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** Revokes the invite (revoking twice changes nothing). `POST …/{invite_link_id}/revoke`. */
  revoke(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"revoke_integration_access_invite">> {
    return this.ctx.kit.call("revoke_integration_access_invite", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** `POST …/{invite_link_id}/restore`. */
  restore(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"restore_integration_access_invite">> {
    return this.ctx.kit.call("restore_integration_access_invite", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** Invalidates the old link and answers the new one-time token and URL. `POST …/{invite_link_id}/regenerate-token`. */
  async regenerateToken(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"regenerate_integration_access_invite_token">> {
    const path = { id: integrationId, invite_link_id: inviteLinkId };
    return rememberOneTimeSecrets(this.ctx, await this.ctx.kit.call("regenerate_integration_access_invite_token", { path }, options));
  }

  /** Who used the invite, over the last 30 days. `GET …/{invite_link_id}/usage`. */
  usage(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"list_integration_access_invite_usage">> {
    return this.ctx.kit.call("list_integration_access_invite_usage", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** Renewal requests guests sent for the invite. `GET …/{invite_link_id}/renewal-requests`. */
  renewalRequests(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"list_integration_access_invite_renewal_requests">> {
    return this.ctx.kit.call("list_integration_access_invite_renewal_requests", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** `DELETE …/{invite_link_id}/renewal-requests/{request_id}`. */
  dismissRenewalRequest(integrationId: string, inviteLinkId: string, requestId: string, options?: Options): Promise<Result<"dismiss_integration_access_invite_renewal_request">> {
    const path = { id: integrationId, invite_link_id: inviteLinkId, request_id: requestId };
    return this.ctx.kit.call("dismiss_integration_access_invite_renewal_request", { path }, options);
  }

  /** A signed URL of the invite photo (nothing when it has none). `GET …/{invite_link_id}/photo`. */
  getPhoto(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"get_access_invite_photo">> {
    return this.ctx.kit.call("get_access_invite_photo", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** A presigned URL to upload the invite photo to. `POST …/{invite_link_id}/photo`. */
  uploadPhoto(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"post_access_invite_photo">> {
    return this.ctx.kit.call("post_access_invite_photo", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** `DELETE …/{invite_link_id}/photo`. */
  deletePhoto(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"delete_access_invite_photo">> {
    return this.ctx.kit.call("delete_access_invite_photo", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** Presigned URLs to upload a media file of the invite message. `POST …/{invite_link_id}/message-media`. */
  createMessageMedia(integrationId: string, inviteLinkId: string, options?: Options): Promise<Result<"post_access_invite_message_media">> {
    return this.ctx.kit.call("post_access_invite_message_media", { path: { id: integrationId, invite_link_id: inviteLinkId } }, options);
  }

  /** A signed URL of the message media in `slot` (nothing when the slot is empty). `GET …/message-media/{slot}`. */
  getMessageMedia(integrationId: string, inviteLinkId: string, slot: string, options?: Options): Promise<Result<"get_access_invite_message_media">> {
    return this.ctx.kit.call("get_access_invite_message_media", { path: { id: integrationId, invite_link_id: inviteLinkId, slot } }, options);
  }
}

/** `client.myInvites` (OpenApp 1.0): invites addressed to the calling user. Errors: see {@link OpenAppClient}. */
export class MyInvitesResource extends Resource<OpenAppV1Context> {
  /** `GET /me/access-invites`, optionally filtered by `kind`. */
  list(params?: { kind?: string }, options?: Options): Promise<Result<"get_me_access_invites">> {
    return this.ctx.kit.call("get_me_access_invites", { query: params }, options);
  }

  /** `DELETE /me/access-invites/{invite_id}`. */
  delete(inviteId: string, options?: Options): Promise<Result<"delete_me_access_invite">> {
    return this.ctx.kit.call("delete_me_access_invite", { path: { invite_id: inviteId } }, options);
  }

  /** Keeps the invite in the list. `POST /me/access-invites/{invite_id}/keep`. */
  keep(inviteId: string, options?: Options): Promise<Result<"post_me_access_invite_keep">> {
    return this.ctx.kit.call("post_me_access_invite_keep", { path: { invite_id: inviteId } }, options);
  }
}
