import { ConfigError } from "@openapp/core";
import type { OpenAppRawClient } from "@openapp/openapp-generated";
import { type OpenAppClientOptions, type OpenAppContext, createContext, validOrg } from "./internal/context.js";
import { type ApartmentResidentsResource, apartmentResidentsResource } from "./resources/apartment-residents.js";
import { type ApiKeysResource, apiKeysResource } from "./resources/api-keys.js";
import { type AuthResource, authResource } from "./resources/auth.js";
import { type BillingResource, billingResource } from "./resources/billing.js";
import { type DevicesResource, devicesResource } from "./resources/devices.js";
import { type EntitiesResource, entitiesResource } from "./resources/entities.js";
import { type EulaResource, eulaResource } from "./resources/eula.js";
import { type IntegrationsResource, integrationsResource } from "./resources/integrations.js";
import { type LanAgentResource, lanAgentResource } from "./resources/lan-agent.js";
import { type MeResource, meResource } from "./resources/me.js";
import { type OrgsResource, orgsResource } from "./resources/orgs.js";
import { type PublicAccessResource, publicAccessResource } from "./resources/public-access.js";
import { type ScriptingResource, scriptingResource } from "./resources/scripting.js";
import { type StatusResource, statusResource } from "./resources/status.js";
import { type UsersResource, usersResource } from "./resources/users.js";
import { type ZonesResource, zonesResource } from "./resources/zones.js";

// Lets withOrg hand a finished context to the constructor without a public parameter for it.
const inheritedContexts = new WeakMap<object, OpenAppContext>();

/**
 * Client for the OpenApp API.
 *
 * ```ts
 * const client = new OpenAppClient({ org: "01HZX3K8Q2V7N4M6P9R5T1W0YB" }); // key from OPENAPP_API_KEY
 * for await (const device of client.devices.list()) console.log(device.name);
 * await client.entities.byId("01HZX7A1D5G9K3P7S1W5Z9C3F7").open();
 * ```
 */
export class OpenAppClient {
  readonly #ctx: OpenAppContext;
  readonly apiKeys: ApiKeysResource;
  readonly users: UsersResource;
  readonly orgs: OrgsResource;
  readonly devices: DevicesResource;
  readonly entities: EntitiesResource;
  readonly integrations: IntegrationsResource;
  readonly zones: ZonesResource;
  readonly lanAgent: LanAgentResource;
  readonly scripting: ScriptingResource;
  readonly apartmentResidents: ApartmentResidentsResource;
  readonly publicAccess: PublicAccessResource;
  readonly auth: AuthResource;
  readonly me: MeResource;
  readonly eula: EulaResource;
  readonly status: StatusResource;
  readonly billing: BillingResource;

  constructor(options: OpenAppClientOptions = {}) {
    const ctx = inheritedContexts.get(options) ?? createContext(options);
    this.#ctx = ctx;
    this.apiKeys = apiKeysResource(ctx);
    this.users = usersResource(ctx);
    this.orgs = orgsResource(ctx);
    this.devices = devicesResource(ctx);
    this.entities = entitiesResource(ctx);
    this.integrations = integrationsResource(ctx);
    this.zones = zonesResource(ctx);
    this.lanAgent = lanAgentResource(ctx);
    this.scripting = scriptingResource(ctx);
    this.apartmentResidents = apartmentResidentsResource(ctx);
    this.publicAccess = publicAccessResource(ctx);
    this.auth = authResource(ctx);
    this.me = meResource(ctx);
    this.eula = eulaResource(ctx);
    this.status = statusResource(ctx);
    this.billing = billingResource(ctx);
  }

  /** The API root every path is appended to, e.g. `https://api.openapp.house/api/v1`. */
  get baseUrl(): string {
    return this.#ctx.baseUrl;
  }

  /** The organization sent as `X-Org`, if any. */
  get org(): string | undefined {
    return this.#ctx.org;
  }

  /**
   * The typed openapi-fetch client on the same transport (key, retries, timeouts, middleware,
   * typed errors) for anything the façade does not cover. Pass `X-Org` in `params.header`.
   */
  get raw(): OpenAppRawClient {
    return this.#ctx.raw;
  }

  /** A client that shares everything with this one except the organization. */
  withOrg(org: string): OpenAppClient {
    const resolved = validOrg(org);
    if (!resolved) throw new ConfigError("withOrg needs an organization id");
    const token = {};
    inheritedContexts.set(token, { ...this.#ctx, org: resolved });
    return new OpenAppClient(token);
  }
}
