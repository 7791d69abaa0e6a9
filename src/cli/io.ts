/** What a CLI command may touch besides the file system: its streams and working folder. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** True when stdout is a terminal (colour allowed). */
  isTTY: boolean;
}

/** A subcommand: parses its own arguments and returns the exit status (0, 1 or 2). */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
