// What the demo reads back to show its outcome: the revision graph of a directory (with its
// heads), the graph of two branches taken together, and the files a merge commit added that
// neither side had (the merge revision).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { renderGraph } from '../core/graph/graph-render.js';
import { splitNul } from '../git/parse-output.js';
import { loadHistories } from '../project/workspace.js';
import type { DemoShell } from './demo-shell.js';

/** An ASCII picture of every environment's graph and the heads they have. */
export interface GraphView {
  readonly picture: string;
  readonly heads: readonly string[];
}

// The files the demo's Alembic project consists of, in either branch.
const PROJECT_PATHS = ['alembic.ini', 'migrations'];

/** The graph of the Alembic project in `directory`, as `git-alembic graph` draws it. */
export async function graphOf(
  directory: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<GraphView> {
  const { histories } = await loadHistories(directory, env, {});
  return {
    picture: histories.map((history) => renderGraph(history.graph, 'ascii')).join('\n'),
    heads: histories.flatMap((history) => history.graph.heads),
  };
}

/**
 * The graph of the project files of `branches` taken together, as a merge without git-alembic
 * would leave them: each branch's files are written into `scratch` (a directory outside the
 * repository, removed afterwards), later branches adding to earlier ones.
 */
export async function combinedGraph(
  shell: DemoShell,
  branches: readonly string[],
  scratch: string,
): Promise<GraphView> {
  try {
    for (const branch of branches) {
      const files = splitNul(
        await shell.git(['ls-tree', '-r', '-z', '--name-only', branch, '--', ...PROJECT_PATHS]),
      );
      for (const file of files) {
        const target = path.join(scratch, ...file.split('/'));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, await shell.git(['show', `${branch}:${file}`]));
      }
    }
    return await graphOf(scratch, shell.env);
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Files the merge commit HEAD adds that none of its parents has: what the hooks created. */
export async function filesNoParentHad(shell: DemoShell): Promise<string[]> {
  const parents = (await shell.git(['log', '-1', '--format=%P', 'HEAD']))
    .trim()
    .split(' ')
    .filter(Boolean);
  let created: string[] | undefined;
  for (const parent of parents) {
    // --diff-filter=A: files HEAD has and this parent does not.
    const added = splitNul(
      await shell.git(['diff-tree', '-r', '-z', '--name-only', '--diff-filter=A', parent, 'HEAD']),
    );
    created = created === undefined ? added : created.filter((file) => added.includes(file));
  }
  return parents.length < 2 ? [] : (created ?? []);
}
