import { AuthOperations } from "../generated/resources.js";

/** `client.auth`: who the credentials belong to, and session housekeeping for browser logins. */
export class AuthResource extends AuthOperations {}
