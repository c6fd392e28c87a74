/**
 * Puts "the" before region names that need it in a sentence ("the United States", "the rest of
 * the world"), leaving country names as they are ("China").
 *
 * @param name - Region name from the scenario.
 * @returns The name as used after a preposition.
 * @example
 * regionWithArticle('United States'); // 'the United States'
 */
export function regionWithArticle(name: string): string {
  return /^(United|Rest|Republic|Netherlands|Philippines|European|Allies)\b/i.test(name) ? `the ${name}` : name;
}
