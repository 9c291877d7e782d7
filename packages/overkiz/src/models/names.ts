/**
 * Name types with autocomplete that still accept any string: `StateName` offers every known
 * `core:…State` and takes a name this SDK has never seen. Types only — the name lists themselves
 * live in `@openapp/overkiz/catalogue`.
 */
import type {
  OverkizAttribute,
  OverkizCommand,
  OverkizCommandParam,
  OverkizState,
  UIClass,
  UIProfile,
  UIWidget,
} from "../catalogue/generated/names.js";
import type { ProfileCommandMap } from "../catalogue/generated/signatures.js";

export type KnownStateName = OverkizState;
export type KnownAttributeName = OverkizAttribute;
export type KnownCommandName = OverkizCommand;
export type KnownCommandParam = OverkizCommandParam;
export type KnownUIClass = UIClass;
export type KnownUIWidget = UIWidget;
export type KnownUIProfile = UIProfile;

export type StateName = KnownStateName | (string & {});
export type AttributeName = KnownAttributeName | (string & {});
export type CommandName = KnownCommandName | (string & {});
export type CommandParam = KnownCommandParam | (string & {});
export type UIClassName = KnownUIClass | (string & {});
export type UIWidgetName = KnownUIWidget | (string & {});
export type UIProfileName = KnownUIProfile | (string & {});

/** Profiles the catalogue knows commands for. */
export type CatalogueProfile = keyof ProfileCommandMap;
/** Commands the given profiles offer. */
export type ProfileCommandName<P extends CatalogueProfile> = P extends CatalogueProfile ? keyof ProfileCommandMap[P] & string : never;
/** The parameter tuple the reference states for `C` in the profiles `P`. */
export type ProfileCommandParameters<P extends CatalogueProfile, C extends string> = P extends CatalogueProfile
  ? C extends keyof ProfileCommandMap[P]
    ? ProfileCommandMap[P][C]
    : never
  : never;
