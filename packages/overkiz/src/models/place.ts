import type { Simplify } from "@openapp/core";
import { isWireObject } from "./wire-object.js";
import type { WirePlace } from "./wire-types.js";

/** A place and its nested sub-places (rooms, floors), typed at every depth; `lastUpdateTime` may be null. */
export type Place = Simplify<
  Omit<WirePlace, "subPlaces"> & {
    /** Places nested in this one (rooms of a floor, …). */
    subPlaces?: Place[];
  }
>;

/** Types a wire place; `subPlaces` is always an array. */
export function parsePlace(raw: WirePlace): Place {
  const { subPlaces, ...rest } = raw;
  const place: Place = { ...rest };
  if (Array.isArray(subPlaces)) place.subPlaces = subPlaces.filter(isWireObject).map((sub) => parsePlace(sub as WirePlace));
  return place;
}

/** Every place of the tree, depth first, the root first. */
export function flattenPlaces(root: Place): Place[] {
  return [root, ...(root.subPlaces ?? []).flatMap(flattenPlaces)];
}

/** The place with this `oid` anywhere in the tree. */
export function findPlace(root: Place, oid: string): Place | undefined {
  return flattenPlaces(root).find((place) => place.oid === oid);
}

