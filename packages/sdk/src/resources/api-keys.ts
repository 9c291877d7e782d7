import { ApiKeysOperations } from "../generated/resources.js";

/** `client.apiKeys`: keys of the calling user. The secret is returned once, by `create`. */
export class ApiKeysResource extends ApiKeysOperations {}
