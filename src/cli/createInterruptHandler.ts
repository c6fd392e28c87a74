import { removeTemporaryFoldersNow } from '../outputs/temporaryFolders.ts';
import { EXIT_INTERRUPTED } from './exitCodes.ts';

/** What a forced exit does; tests inject fakes. */
export interface ForcedExit {
  /** Removes the temporary output folders still being written (default `removeTemporaryFoldersNow`). */
  removeTemporaries?: () => void;
  /** Writes the notice (default stderr). */
  write?: (text: string) => void;
  /** Ends the process (default `process.exit`). */
  exit?: (code: number) => void;
}

/**
 * Creates the SIGINT handler of the CLI: the first Ctrl-C aborts `abort` (the command unwinds,
 * removes its temporary folder and exits 130); a second one forces the exit at once (130),
 * after removing the temporary folders still being written.
 *
 * @param abort - The controller whose signal every command receives.
 * @param forced - Hooks of the forced exit.
 * @returns The handler, for `process.on('SIGINT', …)`.
 * @example
 * process.on('SIGINT', createInterruptHandler(abort));
 */
export function createInterruptHandler(abort: AbortController, forced: ForcedExit = {}): () => void {
  return () => {
    if (!abort.signal.aborted) {
      abort.abort();
      return;
    }
    (forced.removeTemporaries ?? removeTemporaryFoldersNow)();
    (forced.write ?? ((text: string) => void process.stderr.write(text)))('crm-sim: interrupted again; exiting now, no output folder written (a --resume run keeps the parts it finished: run the same command again to finish)\n');
    (forced.exit ?? ((code: number) => process.exit(code)))(EXIT_INTERRUPTED);
  };
}
