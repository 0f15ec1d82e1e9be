// `git-alembic doctor`: checks the git integration piece by piece (src/doctor/).
import { ExitCode } from '../../exit-codes.js';
import {
  booleanOption,
  type CommandDefinition,
  type CommandRuntime,
  type ParsedArguments,
} from '../command.js';
import { findingLines } from '../present.js';

export const definition: CommandDefinition = {
  name: 'doctor',
  summary: 'check every piece of the git integration and say how to fix each problem',
  usage: '[--json]',
  description:
    'Checks: the merge driver registered in .git/config and the .gitattributes line for each heads file\n' +
    '(both halves); git-alembic installed in node_modules; husky active (core.hooksPath at its `_` runtime)\n' +
    'and our blocks in its hook files; the hooks husky hides chained; the heads files fresh; the config\n' +
    "valid; linked worktrees, where husky's hooks do not run; node on the PATH GUI clients use.\n" +
    'In a repository set up for the pre-commit framework (.pre-commit-config.yaml, setup --pre-commit)\n' +
    'it checks that instead of husky: the git-alembic entry and its hook ids, the hook types in\n' +
    'default_install_hook_types and installed in .git/hooks, core.hooksPath unset, and a driver whose\n' +
    'git-alembic and node exist. With both set up it says which one runs the hooks.\n' +
    'Each finding has a stable ID (GA2xx, GA3xx) and a fix. Exit status 1 when any is an error.\n' +
    '--json prints {"ok", "hooks": "husky"|"pre-commit", "findings"}.',
  options: {
    json: { type: 'boolean', description: 'print {"ok": …, "hooks": …, "findings": […]}' },
  },
  examples: ['npx git-alembic doctor', 'npx git-alembic doctor --json'],
};

/** Runs `doctor`. */
export async function run(args: ParsedArguments, { ctx, out }: CommandRuntime): Promise<ExitCode> {
  const [{ runDoctor }, { DoctorMessages }] = await Promise.all([
    import('../../doctor/run-doctor.js'),
    import('../../messages/git-integration.js'),
  ]);
  const { hooks, findings } = await runDoctor(ctx.cwd, ctx.env);
  const errors = findings.filter((finding) => finding.severity !== 'warning').length;
  if (booleanOption(args, 'json')) {
    out.result(JSON.stringify({ ok: errors === 0, hooks, findings }));
    return errors === 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
  if (hooks === 'pre-commit')
    out.info((await import('../../messages/pre-commit.js')).PreCommitDoctorMessages.CHECKING);
  for (const finding of findings) out.result(findingLines(finding, out, 'fix').join('\n'));
  const warnings = findings.length - errors;
  if (errors === 0) out.info(out.style(DoctorMessages.ok(warnings), 'green', 'stderr'));
  else out.info(DoctorMessages.problems(errors, warnings));
  return errors === 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
}
