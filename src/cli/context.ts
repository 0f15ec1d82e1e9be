// The process, injected: commands and library code receive this instead of reading `process`.

/** Where a command writes text; `isTTY` decides colour and progress. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** Everything a command may know about the process that runs it. */
export interface CommandContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Standard input, read lazily (post-rewrite receives `old new` lines there). */
  readonly readStdin: () => Promise<string>;
  /** This process's script (as started: a bin link stays a link) and node; the pre-commit framework's merge driver runs them. */
  readonly running?: { readonly script: string; readonly node: string };
}

/** The context of the real process; only bin.ts calls this. */
export function processContext(): CommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    running: { script: process.argv[1] ?? '', node: process.execPath },
    readStdin: async () => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
