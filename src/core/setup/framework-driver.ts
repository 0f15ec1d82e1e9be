// The merge driver under the pre-commit framework. Its binary lives in the framework's node
// environment (`<cache>/repo…/node_env-…/bin/git-alembic`), which moves when the hook's `rev:`
// changes or the cache is cleaned, and its node may be one the framework downloaded, on no
// PATH. So every hook run compares the registered command with the one it would write, by
// reading `.git/config` as text (no git process on the fast path), and writes it when it differs.
// A path that has gone away makes sh exit 127: the guard falls back to conflict markers.
import { driverWord, guardedDriverCommand } from './driver-command.js';

// One sh word as shellQuote writes it: single-quoted (a quote inside as '\\''), or bare.
const WORD = String.raw`(?:'(?:[^']|'\\'')*'|[^\s']+)`;

/** The section our driver lives in, as `git config` writes its header. */
const SECTION_HEADER = '[merge "git-alembic"]';

/**
 * The driver command for the binary at `binary` (absolute) run by the node in `nodeDirectory`:
 * that directory goes first on the PATH, since the binary starts with `#!/usr/bin/env node`.
 */
export function frameworkDriverCommand(binary: string, nodeDirectory: string): string {
  return guardedDriverCommand(`PATH=${driverWord(nodeDirectory)}:"$PATH" ${driverWord(binary)}`);
}

/** What a driver command written by frameworkDriverCommand runs: its binary and node's directory. */
export interface FrameworkDriverParts {
  readonly binary: string;
  readonly nodeDirectory: string;
}

/** The binary and node directory of a command frameworkDriverCommand wrote, or undefined for any other command. */
export function frameworkDriverParts(command: string): FrameworkDriverParts | undefined {
  const match = new RegExp(`^PATH=(${WORD}):"\\$PATH" (${WORD}) driver `).exec(command);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { nodeDirectory: unquoteWord(match[1]), binary: unquoteWord(match[2]) };
}

// A word as driverWord wrote it, back to the text it quoted.
function unquoteWord(word: string): string {
  const unquoted = word.startsWith("'") ? word.slice(1, -1).replace(/'\\''/g, "'") : word;
  return unquoted.replace(/%%/g, '%');
}

/** The line `git config` writes for `variable = value` (config.c, write_pair). */
export function configLine(variable: string, value: string): string {
  const quote = value.startsWith(' ') || value.endsWith(' ') || /[;#]/.test(value) ? '"' : '';
  const escaped = value
    .replace(/[\\"]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `\t${variable} = ${quote}${escaped}${quote}`;
}

/**
 * Whether the text of a repository's config file sets our driver to `command`: the last
 * `driver` line of our section is the line git writes for it. Anything that could set it
 * elsewhere (an include, a per-worktree config) answers false, and the caller asks git.
 */
export function driverCurrentIn(configText: string, command: string): boolean {
  if (/^\s*\[\s*include/im.test(configText) || /worktreeconfig/i.test(configText)) return false;
  let inSection = false;
  let last: string | undefined;
  for (const raw of configText.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) inSection = line === SECTION_HEADER;
    else if (inSection && /^driver(?:\s|=|$)/i.test(line)) last = line;
  }
  return last === configLine('driver', command).trim();
}
