import { describeCode } from '../../outputs/createManifest.ts';
import type { RegisterCommand } from '../commandContext.ts';

/**
 * `crm-sim --version` (or `-V`, or `crm-sim version`): the package version, git commit and SHA-256 of the sources that
 * run, as a run's manifest.json names them, so a bug report or a rerun can say which code it means.
 * Read only when asked (the commit costs a git call).
 */
const register: RegisterCommand = ({ program }) => {
  program.option('-V, --version', 'print the version, git commit and SHA-256 of the sources, then exit');
  program.on('option:version', () => {
    printVersion();
    process.exit(0);
  });
  // `crm-sim version` too: people type it as a command as often as a flag.
  program.command('version').description('print the version, git commit and SHA-256 of the sources (as --version)').action(printVersion);
};

function printVersion(): void {
  const { version, gitCommit, sourceSha256 } = describeCode();
  process.stdout.write(`crm-sim ${version}\ngit commit ${gitCommit ?? 'unknown (not a git checkout)'}\nsources sha256 ${sourceSha256 ?? 'unknown (a build from before it was recorded)'}\n`);
}
export default register;
