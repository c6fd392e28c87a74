/**
 * Hard limits of the scenario loader, so that no file, however hostile or mistaken, can make it
 * hang, exhaust memory or overflow the stack. Each is far above what a real scenario needs; a file
 * over a limit is refused with a located problem (exit code 3), never partly read.
 */

/** Largest scenario file read, in bytes (the largest shipped scenario is under 20 kB). */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * Deepest nesting of maps and lists in a file (the scenario format needs 8:
 * `materials.ndpr.demand.byRegion.US.{dist}.values.0`). Deeper YAML would overflow the stack of
 * the YAML composer, so it is refused from the token stream, before composition.
 */
export const MAX_NESTING_DEPTH = 64;

/** Budget of alias expansions per file (the `yaml` package's `maxAliasCount`: blocks "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;

/** Longest `extends` chain (a file and its ancestors). */
export const MAX_EXTENDS_CHAIN = 32;

/** Largest magnitude of any number in a resolved scenario (canonical units: t, t/yr, USD, years…). */
export const MAX_MAGNITUDE = 1e15;

/** Longest found value quoted in a message, in characters (longer ones are cut with their length). */
export const MAX_QUOTED_CHARACTERS = 80;

/** Longest `title:` a scenario may have: a title labels table columns and chart rows; a longer text belongs in `description`. */
export const TITLE_MAX_LENGTH = 80;
