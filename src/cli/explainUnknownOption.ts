/**
 * Names other tools give the options of crm-sim's commands. A user who types `--runs 1000` (as
 * many Monte Carlo tools spell it) got "error: unknown option '--runs'" and nothing more: commander
 * suggests only flags spelled alike, and `--replicates` is not.
 */
const SYNONYMS: Readonly<Record<string, string | readonly string[]>> = {
  '--runs': '--replicates',
  '--n-runs': '--replicates',
  '--num-runs': '--replicates',
  '--reps': '--replicates',
  '--replications': '--replicates',
  '--iterations': '--replicates',
  '--samples': '--replicates',
  '--trials': '--replicates',
  '--draws': '--replicates',
  '--output': '--out',
  '--output-dir': '--out',
  '--outdir': '--out',
  '--out-dir': '--out',
  '--dir': '--out',
  '--jobs': '--workers',
  '--threads': ['--workers', '--threads-per-replicate'],
  '--cores': '--workers',
  '--parallel': '--workers',
  '--processes': '--workers',
  '--random-seed': '--seed',
  '--rng-seed': '--seed',
  '--horizon': '--years',
  '--duration': '--years',
  '--define': '--set',
  '--param': '--set',
  '--override': '--set',
  '--html': '--report',
  '--silent': '--quiet',
};

/**
 * Commander's message for an unknown option, with what to type instead: the option of this command
 * that other tools call by that name (when commander suggested nothing itself), and where the options
 * are listed. Any other message is returned unchanged.
 *
 * @param message - What commander would print, e.g. `error: unknown option '--runs'\n`.
 * @param longFlags - The command's own long options (`--replicates`, …).
 * @param commandPath - How to name the command, e.g. `crm-sim compare`.
 * @returns The message to print, ending in a newline.
 * @example
 * explainUnknownOption("error: unknown option '--runs'\n", ['--replicates'], 'crm-sim compare');
 * // "error: unknown option '--runs' (did you mean --replicates?); crm-sim compare --help lists the options\n"
 */
export function explainUnknownOption(message: string, longFlags: readonly string[], commandPath: string): string {
  const match = /^error: unknown option '([^']*)'(.*)$/s.exec(message);
  if (match === null) return message;
  const [, flag, rest] = match;
  // commander's own suggestion ("\n(Did you mean --seed?)"), when it made one, stays as it is.
  const suggested = rest.trim() !== '';
  const name = flag.split('=')[0].toLowerCase();
  const meant = [SYNONYMS[name] ?? []].flat().filter((flag) => longFlags.includes(flag));
  const hint = !suggested && meant.length > 0 ? ` (did you mean ${meant.join(' or ')}?)` : '';
  const body = suggested ? `error: unknown option '${flag}' ${rest.trim()}` : `error: unknown option '${flag}'${hint}`;
  return `${body}; ${commandPath} --help lists the options\n`;
}
