// `git-alembic graph`: the revision graph as a picture, heads and divergences marked.
import { ExitCode } from '../../exit-codes.js';
import {
  choiceOption,
  type CommandDefinition,
  type CommandRuntime,
  ENVIRONMENT_OPTIONS,
  environmentSelection,
  type ParsedArguments,
} from '../command.js';
import { reportLoading } from '../load-report.js';
import { environmentHeader } from '../present.js';

const FORMATS = ['ascii', 'mermaid', 'markdown', 'dot'] as const;

export const definition: CommandDefinition = {
  name: 'graph',
  summary: 'draw the revision graph (ascii, mermaid, markdown or dot)',
  usage: '[-c FILE] [-n SECTION] [--format ascii|mermaid|markdown|dot]',
  description:
    'Draws every revision with its full id, newest first; heads and diverged heads are marked.',
  options: {
    ...ENVIRONMENT_OPTIONS,
    format: {
      type: 'string',
      short: 'f',
      value: 'FORMAT',
      description:
        'ascii (default), mermaid, markdown (mermaid in a fence: renders on GitHub/GitLab) or dot (Graphviz)',
    },
  },
  examples: [
    'git-alembic graph',
    'git-alembic graph --format markdown > docs/migrations.md',
    'git-alembic graph --format dot | dot -Tsvg > graph.svg',
  ],
};

/** Runs `graph`. */
export async function run(args: ParsedArguments, runtime: CommandRuntime): Promise<ExitCode> {
  const { ctx, out } = runtime;
  const format = choiceOption(args, 'format', FORMATS, 'ascii');
  const [{ loadHistories }, { renderGraph }] = await Promise.all([
    import('../../project/workspace.js'),
    import('../../core/graph/graph-render.js'),
  ]);
  const selection = environmentSelection(args);
  const { workspace, histories } = await reportLoading(runtime, (observer) =>
    loadHistories(ctx.cwd, ctx.env, selection, observer),
  );
  for (const [index, history] of histories.entries()) {
    const header =
      histories.length > 1 ? environmentHeader(history.environment, workspace.repoRoot) : undefined;
    if (header !== undefined && format === 'ascii') out.result(out.style(header, 'bold'));
    // Markdown: a heading per environment, and a blank line between the fences.
    if (header !== undefined && format === 'markdown')
      out.result(`${index === 0 ? '' : '\n'}## ${header.replace(/:$/, '')}\n\n`);
    out.result(renderGraph(history.graph, format));
  }
  return ExitCode.OK;
}
