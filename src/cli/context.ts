// The process, injected: commands receive this instead of reading `process`. It is the
// application's RunContext (src/runtime/context.ts) plus the two output streams, which stay in
// cli/: application code prints through the Output the CLI hands it.
import type { RunContext } from '../runtime/context.js';
import { DescriptorOutput } from './descriptor-output.js';

/** Where a command writes text; `isTTY` decides colour and progress. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** Everything a command may know about the process that runs it. */
export interface CommandContext extends RunContext {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** The context of the real process; only bin.ts calls this. */
export function processContext(): CommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: new DescriptorOutput(1),
    stderr: new DescriptorOutput(2),
    running: { script: process.argv[1] ?? '', node: process.execPath },
    readStdin: async () => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
