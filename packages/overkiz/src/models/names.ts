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
} from "@openapp/overkiz-generated/catalogue";
import type { ProfileCommandMap } from "@openapp/overkiz-generated/catalogue";

/** Every state name the catalogue knows (`OverkizState` in `@openapp/overkiz/catalogue`). */
export type KnownStateName = OverkizState;
/** Every attribute name the catalogue knows (`OverkizAttribute` in `@openapp/overkiz/catalogue`). */
export type KnownAttributeName = OverkizAttribute;
/** Every command name the catalogue knows (`OverkizCommand` in `@openapp/overkiz/catalogue`). */
export type KnownCommandName = OverkizCommand;
/** Every command parameter name the catalogue knows (`OverkizCommandParam` in `@openapp/overkiz/catalogue`). */
export type KnownCommandParam = OverkizCommandParam;
/** Every UI class the catalogue knows (`UIClass` in `@openapp/overkiz/catalogue`). */
export type KnownUIClass = UIClass;
/** Every UI widget the catalogue knows (`UIWidget` in `@openapp/overkiz/catalogue`). */
export type KnownUIWidget = UIWidget;
/** Every UI profile the catalogue knows (`UIProfile` in `@openapp/overkiz/catalogue`). */
export type KnownUIProfile = UIProfile;

/** A {@link KnownStateName} with autocomplete, or any other string. */
export type StateName = KnownStateName | (string & {});
/** A {@link KnownAttributeName} with autocomplete, or any other string. */
export type AttributeName = KnownAttributeName | (string & {});
/** A {@link KnownCommandName} with autocomplete, or any other string. */
export type CommandName = KnownCommandName | (string & {});
/** A {@link KnownCommandParam} with autocomplete, or any other string. */
export type CommandParam = KnownCommandParam | (string & {});
/** A {@link KnownUIClass} with autocomplete, or any other string. */
export type UIClassName = KnownUIClass | (string & {});
/** A {@link KnownUIWidget} with autocomplete, or any other string. */
export type UIWidgetName = KnownUIWidget | (string & {});
/** A {@link KnownUIProfile} with autocomplete, or any other string. */
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
