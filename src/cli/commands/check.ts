// `git-alembic check`: exit 1 when any environment has diverged (for CI and humans).
import { ExitCode } from '../../exit-codes.js';
import { CHECK_OK } from '../../messages/cli.js';
import {
  booleanOption,
  choiceOption,
  type CommandDefinition,
  type CommandRuntime,
  ENVIRONMENT_OPTIONS,
  environmentSelection,
  type ParsedArguments,
} from '../command.js';
import { githubAnnotations } from '../github-annotations.js';
import { reportLoading } from '../load-report.js';
import { findingLines } from '../present.js';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const definition: CommandDefinition = {
  name: 'check',
  summary: 'fail when an environment has diverged (two heads on one branch)',
  usage: '[-c FILE] [-n SECTION] [--json | --format text|json|github]',
  description:
    'Exit status: 0 when every environment has one head per branch-label group, 1 when one has\n' +
    'diverged or reads no revision at all (GA102), 2 when a file cannot be read. Heads with different\n' +
    'branch labels (expand/contract) are fine.\n' +
    'Also fails on a stale heads file (GA201), and on a missing one where .gitattributes or the config\n' +
    'expects it (GA202); a project that never ran setup has no heads file, and that is fine.',
  options: {
    ...ENVIRONMENT_OPTIONS,
    json: { type: 'boolean', description: 'same as --format json' },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'text (default), json, or github (workflow annotations)',
    },
  },
  examples: [
    'git-alembic check',
    'git-alembic check --format github   # in a GitHub Actions workflow',
    'git-alembic check --json',
  ],
};

/** Runs `check`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { ctx, out } = runtime;
  const format = chosenFormat(args);
  const [{ loadHistories }, { divergenceFindings, emptyHistoryFindings }, { headsFileFindings }] =
    await Promise.all([
      import('../../project/workspace.js'),
      import('../../project/check-histories.js'),
      import('../../project/heads-file-findings.js'),
    ]);
  const selection = environmentSelection(args);
  // check is where a file Python would refuse must surface: every file gets the complete syntax check.
  const { workspace, histories } = await reportLoading(runtime, (observer) =>
    loadHistories(ctx.cwd, ctx.env, selection, observer, { completeSyntaxCheck: true }),
  );
  const findings = [
    ...histories.flatMap((history) => emptyHistoryFindings(history, workspace.repoRoot)),
    ...histories.flatMap((history) => divergenceFindings(history)),
    ...(await headsFileFindings(histories, workspace.repoRoot, workspace.config, ctx.env)),
  ];
  if (format === 'json') {
    out.result(
      JSON.stringify({
        ok: findings.length === 0,
        environments: histories.map((h) => h.environment.name),
        findings,
      }),
    );
  } else {
    for (const finding of findings)
      out.result(
        (format === 'github'
          ? githubAnnotations(finding)
          : findingLines(finding, out, 'hint')
        ).join('\n'),
      );
    if (findings.length === 0) out.info(out.style(CHECK_OK(histories.length), 'green', 'stderr'));
  }
  return findings.length === 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
}

function chosenFormat(args: ParsedArguments): Format {
  if (booleanOption(args, 'json')) return 'json';
  return choiceOption(args, 'format', FORMATS, 'text');
}
