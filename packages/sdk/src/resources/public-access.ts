import { PublicAccessOperations } from "../generated/resources.js";

/**
 * `client.publicAccess`: the guest side — invite links, public door portals and intercom
 * calls. The routes need no key. Opens are POSTs that move a door and are never retried once
 * they may have reached the server. Session routes take `{ token }` where proxies strip headers.
 */
export class PublicAccessResource extends PublicAccessOperations {}
