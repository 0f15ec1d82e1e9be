// The differential test of the whole read path: seeded random revision graphs written as real
// Alembic projects (several version locations, recursive subdirectories, a random mix of syntax
// forms, branch labels, depends_on, merges, several bases), read by git-alembic and by Alembic
// itself importing the files. Heads, real heads and bases must be equal; where Alembic fails,
// we fail too. Alembic 1.8.1 lists files unsorted and never recursively, so the oracle gets its
// own ini naming every directory, and sets are compared.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

import { loadHistories } from '../../src/project/workspace.js';
import { UserError } from '../../src/errors.js';
import {
  breakGraph,
  MUTATIONS,
  randomGraph,
  type RevisionSpec,
} from '../core/graph/revision-graph-random.js';
import { oracleTest, runPython } from '../helpers/python.js';
import { pick, seededRandom } from '../helpers/random.js';
import { renderRevisionSource } from '../helpers/revision-syntax.js';

const ORACLE = fileURLToPath(new URL('../oracle/project_heads_oracle.py', import.meta.url));
const PROJECTS = Number(process.env['PROJECTS'] ?? 220);
const LOCATIONS = ['migrations/versions', 'extra/versions', 'more'];
const SUBDIRECTORIES = ['', '', 'sub', 'sub/deeper', '.hidden', '2024'];

type Random = () => number;
interface Project {
  readonly directory: string;
  readonly graph: readonly RevisionSpec[];
  readonly broken: boolean;
}
type OracleAnswer =
  | { heads: string[]; real_heads: string[]; bases: string[]; real_bases: string[] }
  | { error: string; message: string };

// Our ini uses the newer forms (path separators, recursion); the oracle's names every directory.
function writeInis(
  directory: string,
  locations: readonly string[],
  directories: readonly string[],
  recursive: boolean,
  random: Random,
): void {
  const separator = pick(random, [
    { key: 'version_path_separator = os', join: ':' },
    { key: 'path_separator = space', join: ' ' },
    { key: 'path_separator = newline', join: '\n    ' },
    { key: '', join: ', ' },
    { key: 'version_path_separator = ;', join: ';' },
  ]);
  const ours = [
    '[alembic]',
    pick(random, ['script_location = %(here)s/migrations', 'script_location = migrations']),
    `version_locations = ${locations.map((location) => (random() < 0.5 ? `%(here)s/${location}` : location)).join(separator.join)}`,
    separator.key,
    recursive ? 'recursive_version_locations = true' : '',
    '',
  ];
  writeFileSync(join(directory, 'alembic.ini'), ours.join('\n'));
  const oracle = [
    '[alembic]',
    `script_location = ${join(directory, 'migrations')}`,
    `version_locations = ${directories.join(' ')}`,
    '',
  ];
  writeFileSync(join(directory, 'oracle.ini'), oracle.join('\n'));
}

function writeProject(root: string, index: number, random: Random): Project {
  const directory = join(root, `p${index}`);
  let graph = randomGraph(random, 1 + Math.floor(random() * 24));
  const broken = random() < 0.15;
  if (broken) graph = breakGraph(random, graph, pick(random, MUTATIONS));
  const locations = LOCATIONS.slice(0, 1 + Math.floor(random() * LOCATIONS.length));
  const recursive = random() < 0.4;
  const used = new Set<string>();
  for (const revision of graph) {
    const location = pick(random, locations);
    const subdirectory = recursive ? pick(random, SUBDIRECTORIES) : '';
    const folder = join(directory, location, subdirectory);
    mkdirSync(folder, { recursive: true });
    used.add(folder);
    const spec = {
      id: revision.id,
      downRevisions: revision.down,
      dependencies: revision.depends_on,
      branchLabels: revision.branch_labels,
    };
    writeFileSync(
      join(folder, `${revision.id}_${pick(random, ['add_table', 'fix', 'merge', ''])}.py`),
      renderRevisionSource(spec, random),
    );
  }
  for (const location of locations) mkdirSync(join(directory, location), { recursive: true });
  // Decoys that neither reader may load.
  mkdirSync(join(directory, locations[0] as string, '__pycache__'), { recursive: true });
  writeFileSync(
    join(directory, locations[0] as string, '__pycache__', 'stale_copy.py'),
    'revision = "x"\n',
  );
  writeFileSync(join(directory, locations[0] as string, '__init__.py'), '');
  writeFileSync(join(directory, locations[0] as string, 'README'), 'revision = "not python"\n');
  const directories = [
    ...new Set([...locations.map((location) => join(directory, location)), ...used]),
  ];
  writeInis(directory, locations, directories, recursive, random);
  return { directory, graph, broken };
}

type Ours = { heads: string[]; realHeads: string[]; bases: string[] } | { error: unknown };

async function readOurs(directory: string): Promise<Ours> {
  try {
    // -c: the oracle's own ini beside ours would be an environment of its own.
    const { histories } = await loadHistories(directory, {}, { configFile: 'alembic.ini' });
    const { graph } = histories[0]!;
    return { heads: [...graph.heads], realHeads: [...graph.realHeads], bases: [...graph.bases] };
  } catch (error) {
    return { error };
  }
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

oracleTest(
  test,
  `${PROJECTS} random Alembic projects: same heads, real heads and bases as Alembic`,
  async (t, python) => {
    const root = mkdtempSync(join(realpathSync(tmpdir()), 'git-alembic-projects-'));
    if (!process.env['KEEP']) t.teardown(() => rmSync(root, { recursive: true, force: true }));
    else console.log(root);
    const random = seededRandom(2_026_11_26);
    const projects = Array.from({ length: PROJECTS }, (_, index) =>
      writeProject(root, index, random),
    );
    const answers = JSON.parse(
      runPython(
        python,
        ORACLE,
        [],
        JSON.stringify(projects.map((p) => ({ ini: join(p.directory, 'oracle.ini') }))),
      ),
    ) as OracleAnswer[];
    let compared = 0;
    let rejected = 0;
    for (const [index, project] of projects.entries()) {
      const alembic = answers[index]!;
      const ours = await readOurs(project.directory);
      if ('error' in alembic) {
        t.true(
          'error' in ours,
          `project ${index}: Alembic fails (${alembic.error}: ${alembic.message}) but we read it`,
        );
        if ('error' in ours)
          t.true(
            ours.error instanceof UserError,
            `project ${index}: our failure is a clear UserError`,
          );
        rejected += 1;
        continue;
      }
      if ('error' in ours) {
        // We are stricter than Alembic only on cycles its check misses (see the graph oracle test).
        t.true(
          project.broken,
          `project ${index}: we fail on a valid project: ${String(ours.error)}`,
        );
        continue;
      }
      t.deepEqual(sorted(ours.heads), sorted(alembic.heads), `project ${index}: heads`);
      t.deepEqual(
        sorted(ours.realHeads),
        sorted(alembic.real_heads),
        `project ${index}: real heads`,
      );
      t.deepEqual(sorted(ours.bases), sorted(alembic.bases), `project ${index}: bases`);
      compared += 1;
    }
    t.true(compared >= 180, `compared ${compared} loadable projects`);
    t.true(rejected >= 10, `saw ${rejected} projects Alembic rejects`);
  },
);
