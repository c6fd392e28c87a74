/**
 * Golden check of the engine (pins behaviour, not truth). `npm run golden` recomputes the hashes of
 * the golden cases and compares them with test/sim-core/golden.noreg.json (exit 1 on a difference);
 * `npm run golden -- --record` writes them (after a deliberate change of behaviour).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { computeGoldenHashes } from './computeGoldenHashes.ts';

/** Where the recorded hashes live (read by test/sim-core/golden.noreg.test.ts). */
export const GOLDEN_FILE = 'test/sim-core/golden.noreg.json';

function main(): number {
  const started = performance.now();
  const hashes = computeGoldenHashes();
  if (process.argv.includes('--record')) {
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

process.exitCode = main();
