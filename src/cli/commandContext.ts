import type { Command } from 'commander';

/** What every command module gets: the program to add itself to, and the run-wide abort signal (Ctrl-C). */
export interface CommandContext {
  readonly program: Command;
  readonly signal: AbortSignal;
  /** The repository root (for shipped scenarios and assets). */
  readonly root: string;
}

/**
 * A command module in src/cli/commands/ default-exports one of these; main.ts loads every module in
 * that folder in name order, so adding a command never edits a shared file.
 */
export type RegisterCommand = (context: CommandContext) => void;
