/**
 * Group names that are common nouns, not proper names: in a sentence they take a lower-case "the"
 * form ("the rest of the world", "the allies"), as README and the report's own prose write them.
 * "the Rest of world 46" read as a misprint (user audit, session 35, item 16).
 */
const COMMON_NOUN_GROUPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^rest of (the )?world$/i, 'the rest of the world'],
  [/^allies$/i, 'the allies'],
];

/**
 * Puts "the" before region names that need it in a sentence ("the United States", "the rest of
 * the world"), leaving country names as they are ("China"). A group name that is a common noun
 * ("Rest of world", "Allies") is written as one in a sentence ("the rest of the world", "the
 * allies"); any parenthetical list of members after it is kept as it is. Tables and chart labels
 * keep the scenario's names: this is for prose only.
 *
 * @param name - Region name from the scenario.
 * @returns The name as used after a preposition.
 * @example
 * regionWithArticle('United States'); // 'the United States'
 * regionWithArticle('Rest of world (incl. DRC)'); // 'the rest of the world (incl. DRC)'
 */
export function regionWithArticle(name: string): string {
  const [, base, members] = /^(.*?)(\s*\(.*\))?\s*$/s.exec(name) ?? [name, name, undefined];
  const common = COMMON_NOUN_GROUPS.find(([pattern]) => pattern.test(base.trim()));
  if (common !== undefined) return `${common[1]}${members ?? ''}`;
  return /^(United|Rest|Republic|Netherlands|Philippines|European|Allies)\b/i.test(name) ? `the ${name}` : name;
}
