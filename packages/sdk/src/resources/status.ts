import { StatusOperations } from "../generated/resources.js";

/** `client.status`: a cheap health probe that needs no key. */
export class StatusResource extends StatusOperations {}
