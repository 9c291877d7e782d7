import { ZonesOperations } from "../generated/resources.js";
import { type GetByNameOptions, byNameInput, findByName } from "../internal/by-name.js";
import type { Result } from "../models/operation-types.js";

/** `client.zones`: areas inside an integration (lobby, floors, parking). */
export class ZonesResource extends ZonesOperations {
  /**
   * The zone of an integration with this name, in any locale.
   * `GET /integrations/{integration_id}/zones`. Errors: see {@link OpenAppClient}.
   * @throws {ResourceNotFoundError} when none matches; {@link AmbiguousResourceError} (listing them) when several do.
   */
  async getByName(integrationId: string, name: string, options?: GetByNameOptions): Promise<Result<"list_integration_zones">[number]> {
    const { needle, mode, request } = byNameInput(name, options);
    return findByName("zone", name, needle, mode, await this.listForIntegration(integrationId, undefined, request));
  }
}
