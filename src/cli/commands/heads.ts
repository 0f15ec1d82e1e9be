// `git-alembic heads`: the heads of each environment, printed like `alembic heads`.
import { ExitCode } from '../../exit-codes.js';
import type { History, Workspace } from '../../project/workspace.js';
import {
  booleanOption,
  type CommandDefinition,
  type CommandRuntime,
  ENVIRONMENT_OPTIONS,
  environmentSelection,
  type ParsedArguments,
} from '../command.js';
import { reportLoading } from '../load-report.js';
import type { Printer } from '../output.js';
import { environmentHeader, findingWarning, relativeConfigPath } from '../present.js';

export const definition: CommandDefinition = {
  name: 'heads',
  summary: 'list the heads of each Alembic environment',
  usage: '[-c FILE] [-n SECTION] [--json] [--write]',
  description:
    'Reads the revision files natively (no Python) and prints each head like `alembic heads`:\n' +
    '`<rev> (<branch labels>) (head)`, or `(effective head)` for a head that only a depends_on keeps alive.\n' +
    "With --write it rewrites each environment's heads file (<script_location>/heads.txt by default)\n" +
    'when it does not list exactly the heads, keeping its line endings, and prints what it wrote.\n' +
    'An environment that reads no revision file at all is reported on stderr (GA102; `check` fails on it).',
  options: {
    ...ENVIRONMENT_OPTIONS,
    json: {
      type: 'boolean',
      description: 'print {"environments":[{name, config, heads, realHeads, bases, revisions}]}',
    },
    write: {
      type: 'boolean',
      description: 'rewrite stale or missing heads files instead of listing heads',
    },
  },
  examples: [
    'git-alembic heads',
    'git-alembic heads -c services/billing/alembic.ini',
    'git-alembic heads --json | jq ".environments[].heads"',
    'git-alembic heads --write   # after resolving a conflict in migrations/heads.txt',
  ],
};

/** Runs `heads`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { ctx, out } = runtime;
  const [{ loadHistories }, { emptyHistoryFindings }] = await Promise.all([
    import('../../project/workspace.js'),
    import('../../project/check-histories.js'),
  ]);
  const selection = environmentSelection(args);
  const { workspace, histories } = await reportLoading(runtime, (observer) =>
    loadHistories(ctx.cwd, ctx.env, selection, observer),
  );
  // No heads because nothing was read is not "no heads": say so where `alembic heads` is silent.
  for (const finding of histories.flatMap((history) =>
    emptyHistoryFindings(history, workspace.repoRoot),
  ))
    out.warn(findingWarning(finding));
  if (booleanOption(args, 'write')) return writeHeadsFiles(histories, workspace, out);
  if (booleanOption(args, 'json')) {
    out.result(
      JSON.stringify({
        environments: histories.map((history) => headsJson(history, workspace.repoRoot)),
      }),
    );
    return ExitCode.OK;
  }
  for (const history of histories) {
    if (histories.length > 1)
      out.result(out.style(environmentHeader(history.environment, workspace.repoRoot), 'bold'));
    const indent = histories.length > 1 ? '  ' : '';
    for (const line of headLines(history)) out.result(`${indent}${line}`);
  }
  return ExitCode.OK;
}

// --write: one line per environment, saying what was written or that the file was current.
async function writeHeadsFiles(
  histories: readonly History[],
  { repoRoot }: Workspace,
  out: Printer,
): Promise<ExitCode> {
  const [{ updateHeadsFile }, { HeadsFileUpkeepMessages }] = await Promise.all([
    import('../../project/heads-files.js'),
    import('../../messages/git-integration.js'),
  ]);
  for (const history of histories) {
    const state = updateHeadsFile(history, repoRoot);
    if (state.written) out.result(HeadsFileUpkeepMessages.wrote(state.relative, state.heads));
    else out.info(HeadsFileUpkeepMessages.upToDate(state.relative));
  }
  return ExitCode.OK;
}

/** One environment in the `--json` shape other tools rely on. */
function headsJson({ environment, graph }: History, repoRoot: string) {
  return {
    name: environment.name,
    config: relativeConfigPath(environment, repoRoot),
    section: environment.section,
    heads: graph.heads,
    realHeads: graph.realHeads,
    bases: graph.bases,
    revisions: graph.revisions.length,
  };
}

/** `alembic heads` lines: id, propagated branch labels, and the head indicator. */
function headLines({ graph }: History): string[] {
  const real = new Set(graph.realHeads);
  return graph.heads.map((id) => {
    const labels = [...graph.branchLabelsOf(id)].sort();
    return `${id}${labels.length > 0 ? ` (${labels.join(', ')})` : ''} ${real.has(id) ? '(head)' : '(effective head)'}`;
  });
}
