import { ResolveOperations } from "../generated/resources-v1.js";
import { AmbiguousResourceError, ResourceNotFoundError } from "../errors.js";
import type { Body, OpenAppRequestOptions as Options, Result } from "../models/v1-operation-types.js";

/** One ranked candidate of a resolve answer. */
export type ResolveCandidate = Result<"resolve_org_query">["candidates"][number];

/** `client.resolve` (OpenApp 1.0): natural-language references to an organization's resources. Errors: see {@link OpenAppClient}. */
/** `client.resolve` (OpenApp 1.0): natural-language references to an organization's resources. */
export class ResolveResource extends ResolveOperations {
  /**
   * The one resource `body.query` names. It refuses to pick: an `ambiguous` answer is an
   * {@link AmbiguousResourceError} listing the candidates, no candidate a {@link ResourceNotFoundError}.
   * `POST /orgs/{org_id}/resolve`. Errors: see {@link OpenAppClient}.
   */
  async one(orgId: string, body: Body<"resolve_org_query">, options?: Options): Promise<ResolveCandidate> {
    const answer = await this.query(orgId, body, options);
    const [first] = answer.candidates;
    if (first === undefined) throw new ResourceNotFoundError(body.resource_type ?? "resource", body.query);
    if (answer.ambiguous) {
      const matches = answer.candidates.map((candidate) => ({ id: candidate.id, name: candidate.label }));
      throw new AmbiguousResourceError(body.resource_type ?? "resource", body.query, matches);
    }
    return first;
  }
}
