import { MeOperations } from "../generated/resources.js";

/** `client.me`: the signed-in resident's own view. */
export class MeResource extends MeOperations {}
