// Setup steps 3 and 4: our block in `.husky/pre-commit`, `post-merge`, `post-rewrite` and
// `post-commit`, each running the hooks husky would hide (found at run time), and a block of its
// own for any other hook that has hidden hooks here. The user's lines in those files stay.
import { readFileSync } from 'node:fs';

import { findHookBlock, upsertHookBlock } from '../core/edits/hook-block.js';
import {
  chainLine,
  chainLinesIn,
  hookBlockBody,
  OUR_HOOKS,
} from '../core/setup/hook-block-body.js';
import { SetupMessages } from '../messages/git-integration.js';
import { type FileEdit, readForEdit } from './file-edits.js';
import type { HiddenHook } from './hidden-hooks.js';
import { packageFile } from '../fs/package-root.js';
import { shownPath } from '../fs/write-target.js';

/** What the hook files need to know. */
export interface HookFilesInput {
  readonly topLevel: string;
  /** Relative to the top level. */
  readonly huskyDirectory: string;
  /** Where package.json is, relative to the top level ('' for the top level). */
  readonly packageRelative: string;
  /** Hidden hooks to chain now (those husky can run). */
  readonly hidden: readonly HiddenHook[];
}

/** The shipped body of one of our hooks: the shared runner, then hooks/<hook>.sh of the package. */
export function shippedHookBody(hook: string): string {
  const runner = readFileSync(packageFile('hooks', 'run-git-alembic.sh'), 'utf8');
  return `${runner}${readFileSync(packageFile('hooks', `${hook}.sh`), 'utf8')}`;
}

/** One edit per hook file that needs our block (unchanged ones included, with before === after). */
export function planHookFiles(input: HookFilesInput): FileEdit[] {
  const hooks = [...new Set<string>([...OUR_HOOKS, ...input.hidden.map((hidden) => hidden.hook)])];
  return hooks.map((hook) => planHookFile(input, hook));
}

/** The block a hook file should have, given the directory chain lines it should keep. */
export function expectedBlockBody(
  hook: string,
  packageRelative: string,
  chainLines: readonly string[],
): string {
  const ours = (OUR_HOOKS as readonly string[]).includes(hook);
  const hiddenRunner = readFileSync(packageFile('hooks', 'chain-hidden.sh'), 'utf8');
  return hookBlockBody({
    hook,
    packageDirectory: packageRelative,
    body: ours ? shippedHookBody(hook) : undefined,
    hiddenRunner,
    chainLines,
  });
}

function planHookFile(input: HookFilesInput, hook: string): FileEdit {
  const target = readForEdit(input.topLevel, `${input.huskyDirectory}/${hook}`);
  const { relative, before } = target;
  const existing = findHookBlock(before ?? '', relative);
  const kept = existing === undefined ? [] : chainLinesIn(existing.body);
  const hidden = input.hidden.filter((found) => found.hook === hook);
  // .git/hooks and a global or system core.hooksPath the block's runner finds on every machine;
  // the repository's own earlier core.hooksPath needs a line.
  const directories = hidden.flatMap((found) =>
    found.source.kind === 'directory' ? [chainLine(found.source, hook)] : [],
  );
  const chainLines = [...new Set([...kept, ...directories])];
  const { text, changed } = upsertHookBlock(
    before ?? '',
    expectedBlockBody(hook, input.packageRelative, chainLines),
    relative,
  );
  const chained = hidden.map((found) => shownPath(found.file, input.topLevel));
  return {
    ...target,
    after: changed ? text : before,
    summary: summaryOf(existing !== undefined, changed, chained),
  };
}

function summaryOf(hadBlock: boolean, changed: boolean, chained: readonly string[]): string {
  if (!changed) return SetupMessages.BLOCK_CURRENT;
  const block = hadBlock ? SetupMessages.BLOCK_UPDATED : SetupMessages.BLOCK_ADDED;
  return chained.length === 0 ? block : `${block}; ${SetupMessages.chained(chained)}`;
}
