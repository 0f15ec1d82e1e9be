// `git-alembic merge`: writes the merge revision `alembic merge` would write, natively and, by
// default, the same on every machine.
import type { ExitCode } from '../../exit-codes.js';
import { reportLoading } from '../load-report.js';
import {
  booleanOption,
  type CommandDefinition,
  type CommandRuntime,
  ENVIRONMENT_OPTIONS,
  environmentSelection,
  type ParsedArguments,
  stringOption,
} from '../command.js';

export const definition: CommandDefinition = {
  name: 'merge',
  summary: 'write the merge revision of diverged heads (same bytes as `alembic merge`)',
  usage:
    '[-c FILE] [-n SECTION] [-m MSG] [--rev-id ID] [--random-id] [--date DATE] [--dry-run] [HEAD...]',
  description: [
    'Without HEADs, writes one merge revision per divergence: heads that share a branch-label set.',
    'Heads of different branch labels (expand/contract) are never merged together unless named.',
    'HEADs may be revision ids, unique prefixes, branch labels, `heads` or `<label>@heads`; their order',
    'is the order of down_revision.',
    '',
    "The file is rendered from the project's own script.py.mako and is byte for byte what",
    '`alembic merge -m MSG --rev-id ID HEAD...` writes with the same id, date and message.',
    'By default those three come from the parents alone, so two people merging the same heads write',
    'the same file: the id is a hash of the sorted parent ids, the message is the configured one',
    '("merge heads {heads}"), and the date is the newest parent\'s commit time in git (else its',
    'Create Date), in the configured timezone or UTC.',
    '',
    'A template git-alembic cannot render itself is rendered by Mako in a Python (GIT_ALEMBIC_PYTHON,',
    'the active virtualenv, .venv or venv, python3), unless "pythonFallback": false or',
    'GIT_ALEMBIC_PYTHON=0; one line says so.',
    '',
    'The file is written atomically and never over another file. Post-write hooks (exec,',
    'console_scripts, module) run afterwards; a failing hook is reported and the revision stays,',
    'a missing hook program stops the merge before anything is written.',
    'Prints Alembic\'s "Generating <path> ...  done" line per file (-q: only the path).',
  ].join('\n'),
  options: {
    ...ENVIRONMENT_OPTIONS,
    message: {
      type: 'string',
      short: 'm',
      value: 'MSG',
      description: 'message of the merge (default: the configured one, "merge heads {heads}")',
    },
    'rev-id': { type: 'string', value: 'ID', description: 'use this revision id' },
    'random-id': {
      type: 'boolean',
      description: "Alembic's behaviour: a random id (uuid4().hex[-12:]) and the current time",
    },
    date: {
      type: 'string',
      value: 'DATE',
      description:
        'Create Date "YYYY-MM-DD HH:MM:SS[.ffffff]", wall clock in the configured timezone',
    },
    'dry-run': { type: 'boolean', description: 'print the path and content; write nothing' },
  },
  positionals: 'HEAD...',
  examples: [
    'git-alembic merge                      # merge every divergence',
    'git-alembic merge --dry-run            # show what would be written',
    'git-alembic merge 1a2b3c4d 7e8f9a0b    # merge these two heads, in this order',
    'git-alembic merge -m "merge billing" --rev-id 0123456789ab --date "2024-05-01 12:00:00" heads',
    'git-alembic merge --random-id heads    # exactly what `alembic merge heads` does',
  ],
};

/** Runs `merge`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { runMerge } = await import('../../merge/run-merge.js');
  return runMerge(
    {
      heads: args.positionals,
      selection: environmentSelection(args),
      message: stringOption(args, 'message'),
      revisionId: stringOption(args, 'rev-id'),
      randomId: booleanOption(args, 'random-id'),
      date: stringOption(args, 'date'),
      dryRun: booleanOption(args, 'dry-run'),
    },
    runtime,
    (load) => reportLoading(runtime, load),
  );
}
