// `git-alembic doctor`: checks the git integration piece by piece (src/doctor/).
import { ExitCode } from '../../exit-codes.js';
import type { Finding } from '../../core/findings.js';
import { booleanOption, type CommandDefinition, type CommandRuntime, type ParsedArguments } from '../command.js';

export const definition: CommandDefinition = {
  name: 'doctor',
  summary: 'check every piece of the git integration and say how to fix each problem',
  usage: '[--json]',
  description:
    'Checks: the merge driver registered in .git/config and the .gitattributes line for each heads file\n' +
    '(both halves); git-alembic installed in node_modules; husky active (core.hooksPath at its `_` runtime)\n' +
    'and our blocks in its hook files; the hooks husky hides chained; the heads files fresh; the config\n' +
    'valid; linked worktrees, where husky\'s hooks do not run; node on the PATH GUI clients use.\n' +
    'Each finding has a stable ID (GA2xx, GA3xx) and a fix. Exit status 1 when any is an error.',
  options: {
    json: { type: 'boolean', description: 'print {"ok": …, "findings": […]}' },
  },
  examples: ['npx git-alembic doctor', 'npx git-alembic doctor --json'],
};

/** Runs `doctor`. */
export async function run(args: ParsedArguments, { ctx, out }: CommandRuntime): Promise<ExitCode> {
  const [{ runDoctor }, { DoctorMessages }] = await Promise.all([import('../../doctor/run-doctor.js'), import('../../messages/git-integration.js')]);
  const findings = await runDoctor(ctx.cwd, ctx.env);
  const errors = findings.filter((finding) => finding.severity !== 'warning').length;
  if (booleanOption(args, 'json')) {
    out.result(JSON.stringify({ ok: errors === 0, findings }));
    return errors === 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
  for (const finding of findings) out.result(findingLines(finding).join('\n'));
  const warnings = findings.length - errors;
  if (errors === 0) out.info(DoctorMessages.ok(warnings));
  else out.info(DoctorMessages.problems(errors, warnings));
  return errors === 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
}

function findingLines(finding: Finding): string[] {
  const scope = finding.environment === '' ? '' : ` ${finding.environment}:`;
  return [
    `${finding.id}${finding.severity === 'warning' ? ' (warning)' : ''}${scope} ${finding.message}`,
    ...finding.locations.map((location) => `  ${location.file}${location.line === undefined ? '' : `:${location.line}`}`),
    `  fix: ${finding.hint}`,
  ];
}
