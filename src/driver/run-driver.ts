// The merge driver, `git-alembic driver %O %A %B %L %P`: git calls it for a heads file both
// sides changed. It merges the heads as sets into %A and exits 0; anything else (input it
// cannot read, GIT_ALEMBIC=0, an error of its own) hands the file to `git merge-file`, which
// leaves conflict markers, and exits 1. It never throws: a crash would leave %A as it was.
// Kept light on purpose: it runs once per conflicted file, so only node:fs and the pure merge load.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_MARKER_SIZE } from '../core/heads/heads-file.js';
import { escapeControlCharacters } from '../core/terminal-text.js';
import { mergeHeadsFiles, type MergeSide } from '../core/heads/merge-heads.js';
import { DriverExit } from '../exit-codes.js';
import { gitMergeFile } from '../git/merge-file.js';
import { HeadsFileMessages } from '../messages/edits.js';
import { DriverMessages } from '../messages/git-integration.js';
import type { Output } from '../runtime/output.js';

/** The driver's exit status: merged, or conflicts left in %A. */
export type DriverStatus = (typeof DriverExit)[keyof typeof DriverExit];

/** The placeholders git passes, in the registered order `%O %A %B %L %P`. */
export interface DriverRequest {
  readonly base: string;
  readonly current: string;
  readonly incoming: string;
  readonly markerSize: number;
  /** The file's path in the repository (`%P`), for messages only. */
  readonly path: string;
}

/** The process around the driver; its lines are complete (`git-alembic: …`) and go out as they are. */
export interface DriverIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: Pick<Output, 'raw'>;
}

type MergeOutcome =
  | { readonly kind: 'merged' }
  | { readonly kind: 'unreadable'; readonly side: MergeSide; readonly reason: string };

/** Reads `%O %A %B %L %P`; undefined unless the three files are there. A bad `%L` becomes git's default. */
export function readDriverArguments(args: readonly string[]): DriverRequest | undefined {
  const [base, current, incoming, markerSize, filePath] = args;
  if (base === undefined || current === undefined || incoming === undefined) return undefined;
  const size = /^[1-9]\d{0,3}$/.test(markerSize ?? '') ? Number(markerSize) : DEFAULT_MARKER_SIZE;
  return { base, current, incoming, markerSize: size, path: filePath ?? current };
}

/** Runs the driver; returns 0 (merged into %A) or 1 (conflicts left in %A). */
export function runDriver(args: readonly string[], io: DriverIo): DriverStatus {
  const request = readDriverArguments(args);
  if (request === undefined) {
    io.out.raw('stderr', `${DriverMessages.USAGE}\n`);
    return DriverExit.CONFLICTS_LEFT;
  }
  if (io.env['GIT_ALEMBIC'] === '0') return fallBack(request, io, DriverMessages.DISABLED);
  let outcome: MergeOutcome;
  try {
    outcome = mergeInPlace(request, io.cwd);
  } catch (error) {
    // Whatever went wrong, git's own merge still gives the user a file to resolve.
    if (io.env['GIT_ALEMBIC_DEBUG'] === '1' && error instanceof Error)
      io.out.raw('stderr', `${String(error.stack)}\n`);
    return fallBack(
      request,
      io,
      DriverMessages.internalError(error instanceof Error ? error.message : String(error)),
    );
  }
  if (outcome.kind === 'merged') return DriverExit.MERGED;
  return fallBack(request, io, DriverMessages.unreadable(outcome.side, outcome.reason));
}

// The set merge, written into %A in %A's own line endings.
function mergeInPlace(request: DriverRequest, cwd: string): MergeOutcome {
  const sides: [MergeSide, string][] = [
    ['base', request.base],
    ['current', request.current],
    ['incoming', request.incoming],
  ];
  const texts: string[] = [];
  for (const [side, file] of sides) {
    const text = decodeUtf8(readFileSync(path.resolve(cwd, file)));
    if (text === undefined)
      return { kind: 'unreadable', side, reason: HeadsFileMessages.INVALID_UTF8 };
    texts.push(text);
  }
  const [base = '', current = '', incoming = ''] = texts;
  const result = mergeHeadsFiles(base, current, incoming, request.markerSize);
  if (result.kind === 'unreadable')
    return { kind: 'unreadable', side: result.side, reason: result.reason };
  writeFileSync(path.resolve(cwd, request.current), result.text);
  return { kind: 'merged' };
}

// git merge-file writes the markers into %A; one stderr line says why and what was left.
function fallBack(request: DriverRequest, io: DriverIo, why: string): DriverStatus {
  const files = { current: request.current, base: request.base, incoming: request.incoming };
  let outcome: ReturnType<typeof gitMergeFile>;
  try {
    outcome = gitMergeFile(files, request.markerSize, io.cwd, io.env);
  } catch (error) {
    // spawnSync reports most failures in its result; anything thrown still must not crash the merge.
    outcome = { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
  const left =
    outcome.kind === 'merged'
      ? DriverMessages.MARKERS_LEFT
      : DriverMessages.mergeFileFailed(outcome.detail);
  io.out.raw(
    'stderr',
    escapeControlCharacters(`${DriverMessages.fellBack(request.path, why, left)}\n`),
  );
  return DriverExit.CONFLICTS_LEFT;
}

// Strict UTF-8: a heads file we did not write is not ours to reinterpret. A BOM stays in the text
// (and then makes the file unreadable), so it is never silently dropped from %A.
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // TypeError: the bytes are not UTF-8.
    return undefined;
  }
}
