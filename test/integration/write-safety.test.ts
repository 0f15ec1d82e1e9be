// Never overwrite what is not ours, never write outside the repository, never write through a
// symbolic link: setup, the hooks, `heads --write` and `merge` on real repositories.
// Build first (`npm run build`): the CLI and the shimmed hooks run dist/bin.js.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';

import { BENCH_TEMPLATE } from '../../bench/synthetic-history.js';
import { HEADS_FILE_COMMENT } from '../../src/messages/edits.js';
import {
  createTempRepo,
  installShims,
  type TempRepo,
  writeAlembicProject,
  writeRevision,
} from '../helpers/temp-repo.js';

const NOTES = 'Heads of department: Ann, Bob\n';
const HINT =
  '(hint: give the environment a heads file of its own with "headsFile" in the git-alembic config (README: Configuration), or move this file away)';

async function project(t: Parameters<typeof createTempRepo>[0]): Promise<TempRepo> {
  const repo = await createTempRepo(t);
  await writeAlembicProject(repo);
  await repo.write('package.json', '{\n  "name": "app"\n}\n');
  await repo.write('.gitignore', 'node_modules\n*.log\n');
  return repo;
}

async function status(repo: TempRepo): Promise<string> {
  return `${(await repo.git(['status', '--porcelain', '--ignored'])).stdout}${await repo.read('.git/config')}`;
}

// A directory beside the repository (inside the test's temporary directory), and what is in it.
async function outsideDirectory(
  repo: TempRepo,
  name: string,
): Promise<{ directory: string; entries: () => Promise<string[]> }> {
  const directory = path.join(path.dirname(repo.root), name);
  await mkdir(directory, { recursive: true });
  return { directory, entries: () => readdir(directory, { recursive: true }) };
}

test("setup refuses a heads file path that holds someone else's file, and changes nothing", async (t) => {
  const repo = await project(t);
  await repo.write('migrations/heads.txt', NOTES);
  const before = await status(repo);
  const refused = await repo.cli(['setup'], { allowFailure: true });
  t.is(refused.status, 2);
  t.is(
    refused.stderr,
    `git-alembic: migrations/heads.txt is not a heads file (line 1 is not a revision id: "Heads of department: Ann, Bob"); git-alembic never replaces it ${HINT}\n`,
  );
  t.is(await repo.read('migrations/heads.txt'), NOTES);
  t.is(await status(repo), before, 'nothing else changed either');

  await repo.write(
    '.git-alembicrc.json',
    '{"environments": [{"config": "alembic.ini", "headsFile": "migrations/HEADS"}]}\n',
  );
  await repo.cli(['setup']);
  t.is(
    await repo.read('migrations/HEADS'),
    `${HEADS_FILE_COMMENT}\na1\n`,
    'the option the message names works',
  );
  t.is(await repo.read('migrations/heads.txt'), NOTES);
});

test("the hooks and heads --write never replace a heads file that became someone else's; conflict markers they resolve", async (t) => {
  const repo = await project(t);
  await installShims(repo);
  await repo.cli(['setup']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'set up']);
  await repo.write('migrations/heads.txt', NOTES);
  await writeRevision(repo, 'b1', 'a1');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'b1']);
  t.is(await repo.read('migrations/heads.txt'), NOTES, 'pre-commit left it alone');
  t.is((await repo.git(['show', 'HEAD:migrations/heads.txt'])).stdout, NOTES);
  const write = await repo.cli(['heads', '--write'], { allowFailure: true });
  t.deepEqual(
    [write.status, write.stderr],
    [
      2,
      `git-alembic: migrations/heads.txt is not a heads file (line 1 is not a revision id: "Heads of department: Ann, Bob"); git-alembic never replaces it ${HINT}\n`,
    ],
  );
  const check = await repo.cli(['check'], { allowFailure: true });
  t.regex(check.stdout, /^GA201 .*\n.*\n {2}hint: give the environment a heads file of its own/);

  await repo.write(
    'migrations/heads.txt',
    `${HEADS_FILE_COMMENT}\n<<<<<<< current\na1\n=======\nb1\n>>>>>>> incoming\n`,
  );
  t.is(
    (await repo.cli(['heads', '--write'])).stdout,
    'wrote migrations/heads.txt: b1\n',
    'a conflicted heads file is resolved',
  );
});

// The configured entry names a heads file outside, with an Alembic config or alone.
const outsideHeadsFiles: [string, string][] = [
  [
    'a heads file outside the work tree: setup and heads --write refuse, naming headsFile and its file',
    '{"config": "alembic.ini", "headsFile": "../elsewhere/heads.txt"}',
  ],
  [
    'a heads file outside the work tree, for an environment the git-alembic config alone describes, names headsFile',
    '{"scriptLocation": "migrations", "headsFile": "../elsewhere/heads.txt"}',
  ],
];

for (const [title, entry] of outsideHeadsFiles) {
  test(title, async (t) => {
    const repo = await project(t);
    const outside = await outsideDirectory(repo, 'elsewhere');
    await repo.write('.git-alembicrc.json', `{"environments": [${entry}]}\n`);
    const before = await status(repo);
    const message = `git-alembic: ${path.join(outside.directory, 'heads.txt')} (from environments[0].headsFile in .git-alembicrc.json) is outside the repository's work tree (or inside .git); git-alembic writes only inside it (hint: Alembic would write there; git-alembic refuses: point the setting at a directory inside the repository)\n`;
    for (const args of [['setup'], ['heads', '--write']]) {
      const refused = await repo.cli(args, { allowFailure: true });
      t.deepEqual([refused.status, refused.stderr], [2, message], args.join(' '));
    }
    t.deepEqual(await outside.entries(), []);
    t.is(await status(repo), before);
  });
}

// The revision files moved from migrations/versions to `outside`.
async function moveVersions(repo: TempRepo, outside: string): Promise<void> {
  for (const name of await readdir(repo.path('migrations/versions')))
    await writeFile(
      path.join(outside, name),
      await readFile(repo.path(`migrations/versions/${name}`)),
    );
  await repo.run('rm', ['-r', 'migrations/versions']);
}

const merges: [string, (repo: TempRepo, outside: string) => Promise<void>, RegExp][] = [
  [
    'file_template with ..',
    async (repo) => {
      await repo.write(
        'alembic.ini',
        '[alembic]\nscript_location = %(here)s/migrations\nfile_template = ../../../escaped/%%(rev)s\nrecursive_version_locations = true\n',
      );
    },
    /escaped\/a2c89abb0537\.py \(from file_template in alembic\.ini\) is outside the repository's work tree/,
  ],
  [
    'an absolute version_locations',
    async (repo, outside) => {
      await moveVersions(repo, outside);
      await repo.write(
        'alembic.ini',
        `[alembic]\nscript_location = %(here)s/migrations\nversion_locations = ${outside}\n`,
      );
    },
    /\(from version_locations in alembic\.ini\) is outside /,
  ],
  [
    'a versions directory that is a link to elsewhere',
    async (repo, outside) => {
      await moveVersions(repo, outside);
      await symlink(outside, repo.path('migrations/versions'), 'dir');
    },
    /\(from script_location in alembic\.ini\) resolves to /,
  ],
];

for (const [title, arrange, expected] of merges) {
  test(`merge refuses to write outside the work tree: ${title}`, async (t) => {
    const repo = await project(t);
    const outside = await outsideDirectory(repo, 'outside');
    await repo.write('migrations/script.py.mako', BENCH_TEMPLATE);
    await writeRevision(repo, 'b1', 'a1');
    await writeRevision(repo, 'c1', 'a1');
    await arrange(repo, outside.directory);
    const listed = await outside.entries();
    const refused = await repo.cli(['merge', '--date', '2024-01-01 00:00:00'], {
      allowFailure: true,
    });
    t.is(refused.status, 2, refused.stderr);
    t.regex(refused.stderr, expected);
    t.deepEqual(await outside.entries(), listed, 'nothing written outside');
    t.deepEqual(
      await readdir(path.dirname(repo.root)),
      ['global.gitconfig', 'outside', 'repo', 'xdg'],
      'nor beside the repository',
    );
  });
}

test('setup refuses a symbolic link as .husky/pre-commit, .gitattributes or heads file, and copies no link target', async (t) => {
  for (const link of ['.husky/pre-commit', '.gitattributes', 'migrations/heads.txt']) {
    const repo = await project(t);
    const outside = await outsideDirectory(repo, 'shared');
    const target = path.join(outside.directory, 'file');
    const content =
      link === 'migrations/heads.txt'
        ? `${HEADS_FILE_COMMENT}\na1\n`
        : '# shared with other projects\n';
    await writeFile(target, content);
    await mkdir(path.dirname(repo.path(link)), { recursive: true });
    await repo.run('rm', ['-f', link]);
    await symlink(target, repo.path(link));
    const before = await status(repo);
    const refused = await repo.cli(['setup'], { allowFailure: true });
    t.is(refused.status, 2, link);
    t.true(
      refused.stderr.startsWith(
        `git-alembic: ${link} is a symbolic link (to ${target}); git-alembic does not write through links (hint: replace the link with a file of its own`,
      ),
      refused.stderr,
    );
    t.is(await readFile(target, 'utf8'), content, `${link}: the target is unchanged`);
    t.is(await status(repo), before, `${link}: nothing changed`);
  }
});
