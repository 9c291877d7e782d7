import { ZonesOperations } from "../generated/resources.js";

/** `client.zones`: areas inside an integration (lobby, floors, parking). */
export class ZonesResource extends ZonesOperations {}
