import type { OpenAppContext } from "../context.js";
import type { Body, OpenAppRequestOptions as Options, Query, Result } from "../models/operation-types.js";

/**
 * `client.publicAccess`: the guest side — invite links, public door portals and intercom
 * calls. The routes need no key. Opens are POSTs that move a door and are never retried once
 * they may have reached the server. Session routes take `{ token }` where proxies strip headers.
 */
export function publicAccessResource(ctx: OpenAppContext) {
  return {
    /**
     * Open an invite link.
     * `GET /public/access/invites/{inviteToken}`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    getInvite(inviteToken: string, options?: Options): Promise<Result<"get_public_invite">> {
      return ctx.kit.call("get_public_invite", { path: { inviteToken } }, options);
    },
    /**
     * Binds the invite to the signed-in user.
     * `POST /public/access/invites/{inviteToken}/claim`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    claimInvite(inviteToken: string, options?: Options): Promise<Result<"post_public_invite_claim">> {
      return ctx.kit.call("post_public_invite_claim", { path: { inviteToken } }, options);
    },
    /**
     * Uses one grant of the invite, e.g. opens its door.
     * `POST /public/access/invites/{inviteToken}/execute`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    executeInvite(inviteToken: string, body: Body<"post_public_invite_execute">, options?: Options): Promise<Result<"post_public_invite_execute">> {
      return ctx.kit.call("post_public_invite_execute", { path: { inviteToken }, body }, options);
    },
    /**
     * Start a guest session from an invite.
     * `POST /public/access/invites/{inviteToken}/session`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    startInviteSession(inviteToken: string, options?: Options): Promise<Result<"post_public_invite_session">> {
      return ctx.kit.call("post_public_invite_session", { path: { inviteToken } }, options);
    },
    /**
     * Get a public portal.
     * `GET /public/access/portals/{publicPortalId}`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    getPortal(portalId: string, options?: Options): Promise<Result<"get_public_portal">> {
      return ctx.kit.call("get_public_portal", { path: { publicPortalId: portalId } }, options);
    },
    /**
     * Open the portal door.
     * `POST /public/access/portals/{publicPortalId}/open`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    openPortal(portalId: string, options?: Options): Promise<Result<"post_public_portal_open">> {
      return ctx.kit.call("post_public_portal_open", { path: { publicPortalId: portalId } }, options);
    },
    /**
     * Turn on the portal lights.
     * `POST /public/access/portals/{publicPortalId}/lights`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    portalLights(portalId: string, options?: Options): Promise<Result<"post_public_portal_lights">> {
      return ctx.kit.call("post_public_portal_lights", { path: { publicPortalId: portalId } }, options);
    },
    /**
     * Whether the portal's door controller answers right now.
     * `GET /public/access/portals/{publicPortalId}/reachable`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    portalReachable(portalId: string, options?: Options): Promise<Result<"get_public_portal_reachable">> {
      return ctx.kit.call("get_public_portal_reachable", { path: { publicPortalId: portalId } }, options);
    },
    /**
     * Apartments a guest can call from this portal.
     * `GET /public/access/portals/{publicPortalId}/targets`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    portalTargets(portalId: string, options?: Options): Promise<Result<"get_public_portal_targets">> {
      return ctx.kit.call("get_public_portal_targets", { path: { publicPortalId: portalId } }, options);
    },
    /**
     * Calls an apartment from the portal.
     * `POST /public/access/portals/{publicPortalId}/sessions`.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    createPortalSession(
      portalId: string,
      body: Body<"post_public_portal_sessions">,
      options?: Options,
    ): Promise<Result<"post_public_portal_sessions">> {
      return ctx.kit.call("post_public_portal_sessions", { path: { publicPortalId: portalId }, body }, options);
    },
    /**
     * Get a call session.
     * `GET /public/access/sessions/{sessionId}`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    getSession(sessionId: string, params?: Query<"get_public_session">, options?: Options): Promise<Result<"get_public_session">> {
      return ctx.kit.call("get_public_session", { path: { sessionId }, query: params }, options);
    },
    /**
     * The caller hangs up before anyone answers.
     * `POST /public/access/sessions/{sessionId}/cancel`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    cancelSession(sessionId: string, params?: Query<"post_public_session_cancel">, options?: Options): Promise<Result<"post_public_session_cancel">> {
      return ctx.kit.call("post_public_session_cancel", { path: { sessionId }, query: params }, options);
    },
    /**
     * A resident declines the ringing call.
     * `POST /public/access/sessions/{sessionId}/decline`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    declineSession(
      sessionId: string,
      params?: Query<"post_public_session_decline">,
      options?: Options,
    ): Promise<Result<"post_public_session_decline">> {
      return ctx.kit.call("post_public_session_decline", { path: { sessionId }, query: params }, options);
    },
    /**
     * Turn on the lights during a call.
     * `POST /public/access/sessions/{sessionId}/lights`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    sessionLights(sessionId: string, params?: Query<"post_public_session_lights">, options?: Options): Promise<Result<"post_public_session_lights">> {
      return ctx.kit.call("post_public_session_lights", { path: { sessionId }, query: params }, options);
    },
    /**
     * A resident opens the door for the caller.
     * `POST /public/access/sessions/{sessionId}/open`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    openSession(sessionId: string, params?: Query<"post_public_session_open">, options?: Options): Promise<Result<"post_public_session_open">> {
      return ctx.kit.call("post_public_session_open", { path: { sessionId }, query: params }, options);
    },
    /**
     * Sends a chat line to the residents being called.
     * `POST /public/access/sessions/{sessionId}/notify-message`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    notifySession(
      sessionId: string,
      body: Body<"post_public_session_notify_message">,
      params?: Query<"post_public_session_notify_message">,
      options?: Options,
    ): Promise<Result<"post_public_session_notify_message">> {
      return ctx.kit.call("post_public_session_notify_message", { path: { sessionId }, body, query: params }, options);
    },
    /**
     * Camera device ids to show during the call.
     * `GET /public/access/sessions/{sessionId}/streams`.
     * @throws {ValidationError} before any request when `params` has a name the operation does not take.
     * @throws {ApiError} for a non-2xx answer (`NotFoundError` for an unknown id).
     */
    sessionStreams(
      sessionId: string,
      params?: Query<"get_public_session_streams">,
      options?: Options,
    ): Promise<Result<"get_public_session_streams">> {
      return ctx.kit.call("get_public_session_streams", { path: { sessionId }, query: params }, options);
    },
  };
}

/** The type of `client.publicAccess`: the methods returned by {@link publicAccessResource}. */
export type PublicAccessResource = ReturnType<typeof publicAccessResource>;
