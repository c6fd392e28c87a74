/**
 * Golden check of the engine (pins behaviour, not truth). `npm run golden` recomputes the hashes of
 * the golden cases and compares them with test/sim-core/golden.noreg.json (exit 1 on a difference);
 * `npm run golden -- --record` writes them (after a deliberate change of behaviour). Options: see
 * {@link GOLDEN_COMMAND_LINE} (`npm run golden -- --help`); a bad one exits 2 before anything runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { computeGoldenHashes } from './computeGoldenHashes.ts';
import { runBenchScript } from './runBenchScript.ts';

/** Where the recorded hashes live (read by test/sim-core/golden.noreg.test.ts). */
export const GOLDEN_FILE = 'test/sim-core/golden.noreg.json';

/** `npm run golden`'s options and help. */
export const GOLDEN_COMMAND_LINE = {
  script: 'golden',
  helpCommand: 'npm run golden -- --help',
  options: { record: { type: 'boolean' } },
  usage: `usage: npm run golden [-- --record]   (no other option or argument)
  Runs the golden cases (a few replicates of shipped scenarios at a small resolution, see
  bench/computeGoldenHashes.ts), hashes their exact bytes and compares each hash with
  test/sim-core/golden.noreg.json: one line "same" or "CHANGED" per case on stdout, then
  "golden: identical" (exit 0) or "golden: N case(s) changed" (exit 1) on stderr.
  Takes about 10–20 s (9 s of checking at load 5 on 2 cores, plus a rebuild of dist/ if due).
  --record   write the recomputed hashes to test/sim-core/golden.noreg.json instead of comparing
             (after a deliberate change of behaviour only; default: compare, write nothing)
  --help     this text`,
} as const;

function main(record: boolean): number {
  const started = performance.now();
  const hashes = computeGoldenHashes();
  if (record) {
    writeFileSync(GOLDEN_FILE, `${JSON.stringify(hashes, null, 2)}\n`);
    process.stderr.write(`recorded ${Object.keys(hashes).length} golden hashes in ${GOLDEN_FILE}\n`);
    return 0;
  }
  const recorded = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, string>;
  let failures = 0;
  for (const [label, hash] of Object.entries(hashes)) {
    const ok = recorded[label] === hash;
    if (!ok) failures++;
    process.stdout.write(`${ok ? 'same   ' : 'CHANGED'} ${hash.slice(0, 16)} ${label}\n`);
  }
  for (const label of Object.keys(recorded)) if (!(label in hashes)) process.stdout.write(`(recorded case no longer run: ${label})\n`);
  process.stderr.write(`${failures === 0 ? 'golden: identical' : `golden: ${failures} case(s) changed`} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return failures === 0 ? 0 : 1;
}

await runBenchScript(GOLDEN_COMMAND_LINE, (args) => main(args.values.record === true));
