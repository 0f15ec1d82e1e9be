// post-rewrite rebase (stdin: `<old> <new>` per rewritten commit). If replaying the branch onto
// its new base left two heads on one branch (the base gained a migration, so did the branch),
// write the merge revision and commit it on top with the heads file (onMerge "amend"), or
// leave both staged ("stage"). `amend` rewrites are ignored: nothing new meets there.
import { parseRewritten } from '../git/parse-output.js';
import { changedBetween, verifyCommit } from '../git/plumbing.js';
import type { HookRun } from './hook-run.js';
import { couldMatter } from './relevance.js';

/** Runs post-rewrite. */
export async function postRewrite(run: HookRun): Promise<void> {
  if (run.args[0] !== 'rebase') return;
  const rewritten = parseRewritten(await run.ctx.readStdin());
  const [first] = rewritten;
  if (first === undefined) return;
  // Everything the rebased branch has that its new base has not; none when rebased with --root.
  const onto = `${first.new}^`;
  const changed = await changedBetween(run.git, onto, 'HEAD');
  if (changed === undefined || !(await couldMatter(changed, run.topLevel))) return;
  const base = await verifyCommit(run.git, onto);
  const tip = (await verifyCommit(run.git, 'ORIG_HEAD')) ?? rewritten.at(-1)?.old;
  if (base === undefined || tip === undefined) return;
  const { announceMerges, createMergesFor, HookMessages, commitPaths } = await import(
    './merge-stage.js'
  );
  const operation = HookMessages.OPERATION_REBASE;
  const created = await createMergesFor(run, changed, {
    commits: [{ sha: base }, { sha: tip, current: true }],
    operation,
    result: { kind: 'committed', rev: 'HEAD' },
  });
  if (created === undefined) return;
  if (created.project.config.onMerge === 'stage')
    return announceMerges(run, created, operation, HookMessages.staged);
  const merged = created.outcome.created.flatMap((merge) => merge.heads.map((head) => head.id));
  const message = HookMessages.rebaseCommitMessage(merged, created.names[0] ?? base);
  await commitPaths(run.git, message, created.files);
  announceMerges(run, created, operation, (files) =>
    HookMessages.committedOnTop(files, message.split('\n')[0] ?? message),
  );
}
