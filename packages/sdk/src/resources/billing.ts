import { BillingOperations } from "../generated/resources.js";

/** `client.billing`: plans, usage and checkout per organization, plus two admin routes. */
export class BillingResource extends BillingOperations {}
