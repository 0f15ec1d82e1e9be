// Puts one rendered merge revision on disk (or shows it, with --dry-run), prints Alembic's
// `Generating … done` line, and runs the post-write hooks on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { hookCommands } from '../core/merge/hook-commands.js';
import type { PlannedMerge } from '../core/merge/merge-plan.js';
import type { RenderedMerge } from '../core/merge/render-merge.js';
import { MergeMessages } from '../messages/merge.js';
import type { WriteTarget } from '../fs/write-target.js';
import type { Runtime } from '../runtime/context.js';
import type { StreamName } from '../runtime/output.js';
import type { MergeEnvironment } from './merge-environment.js';
import type { HookLaunch } from './hook-programs.js';
import { FileTakenError, writeNewFile } from './write-revision.js';

/** A merge ready to go to disk. */
export interface RenderedPlan {
  readonly plan: PlannedMerge;
  readonly rendered: RenderedMerge;
  /**
   * The new file (`file`: its absolute path), the work tree it must be written in, and the
   * setting its path comes from.
   */
  readonly destination: WriteTarget;
}

/** What happened to one merge. */
export type WriteOutcome = 'written' | 'identical' | 'dry-run';

/** The absolute, native path of a planned merge. */
export function targetPath(plan: PlannedMerge): string {
  return path.resolve(plan.location, ...plan.fileName.split('/'));
}

/**
 * Writes the merge (never over another file: an identical one counts as already merged), then
 * runs the hooks. With `dryRun` prints the path and content instead.
 */
export async function writeMerge(
  merge: RenderedPlan,
  prepared: MergeEnvironment,
  launches: ReadonlyMap<string, HookLaunch>,
  dryRun: boolean,
  { ctx, out }: Runtime,
): Promise<WriteOutcome> {
  const { destination, rendered } = merge;
  const target = destination.file;
  if (existingContentEquals(target, rendered.bytes)) {
    out.info(MergeMessages.fileExists(target));
    return 'identical';
  }
  if (dryRun) {
    out.result(MergeMessages.dryRun(target));
    out.result(rendered.text);
    return 'dry-run';
  }
  writeNewFile(destination, rendered.bytes);
  out.result(out.verbosity === 'quiet' ? target : MergeMessages.generating(target));
  await runHooks(target, prepared, launches, { ctx, out });
  return 'written';
}

// false: no file yet; true: the same bytes are there; a different file is an error (we never overwrite).
function existingContentEquals(target: string, bytes: Uint8Array): boolean {
  let existing: Buffer;
  try {
    existing = readFileSync(target);
  } catch (error) {
    // Only "no such file" means the way is free; anything else is reported as it is.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return false;
    throw error;
  }
  if (Buffer.from(bytes).equals(existing)) return true;
  throw new FileTakenError(target);
}

async function runHooks(
  target: string,
  prepared: MergeEnvironment,
  launches: ReadonlyMap<string, HookLaunch>,
  { ctx, out }: Runtime,
): Promise<void> {
  const { environment } = prepared;
  const quiet = out.verbosity === 'quiet';
  const commands = hookCommands(
    environment.postWriteHooks,
    target,
    environment.revisionEnvironment,
  );
  if (commands.length === 0) return;
  // Loaded only when there are hooks: node:child_process costs start-up time otherwise.
  const { runHook } = await import('./post-write-hooks.js');
  // The hooks' own output is passed on as it comes (-q discards it).
  const relay = quiet
    ? undefined
    : (stream: StreamName, text: string): void => out.raw(stream, text);
  for (const command of commands) {
    const launch = launches.get(command.name);
    if (launch === undefined) continue;
    if (!quiet) out.result(MergeMessages.hookRunning(command.name));
    const outcome = await runHook(command, launch, { env: ctx.env, relay });
    if (!quiet) out.result(MergeMessages.HOOK_DONE);
    if (!outcome.ok) out.warn(MergeMessages.hookFailed(command.name, outcome.problem, target));
  }
}
