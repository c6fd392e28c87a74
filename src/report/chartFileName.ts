/**
 * Turns an id (material, metric, parameter) into a safe, readable file-name part: lower case,
 * letters and digits, runs of anything else as one '-'.
 *
 * @param text - Any id.
 * @returns The file-name part ('chart' when nothing is left).
 * @example
 * chartFileName('shortfallWeeks.ndpr.endUse.US'); // 'shortfallweeks-ndpr-enduse-us'
 */
export function chartFileName(text: string): string {
  const name = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'chart' : name;
}
