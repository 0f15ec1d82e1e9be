// What the end-to-end hook scenarios do and check again and again: fork main and dev with a
// revision each, read commits, and find the merge revision a hook put into a commit.
import type { ExecutionContext } from 'ava';

import { BASE, type Scenario } from './hook-scenario.js';

/** The revision main adds in the issue's git-flow hotfix scenario. */
export const MAIN_REV = 'aaaa11112222';
/** The revision dev adds. */
export const DEV_REV = 'bbbb33334444';

/** main and dev each add a revision on BASE, with the hooks (so each heads file is current). */
export async function forkMainAndDev(
  scenario: Scenario,
  options: { cwd?: string; environment?: number } = {},
): Promise<void> {
  const run = { ...(options.cwd === undefined ? {} : { cwd: options.cwd }) };
  await scenario.git(['checkout', '-q', '-b', 'dev'], run);
  await scenario.revision({
    id: DEV_REV,
    down: [BASE],
    ...(options.environment === undefined ? {} : { environment: options.environment }),
  });
  await scenario.commitAll('dev: add bbbb', run);
  await scenario.git(['checkout', '-q', 'main'], run);
  await scenario.revision({
    id: MAIN_REV,
    down: [BASE],
    ...(options.environment === undefined ? {} : { environment: options.environment }),
  });
  await scenario.commitAll('main: add aaaa', run);
}

/** Shared work for createScenario: main and dev forked as forkMainAndDev does. */
export const FORKED = {
  name: 'forked',
  prepare: (scenario: Scenario): Promise<void> => forkMainAndDev(scenario),
};

/** The sha of a rev. */
export async function sha(scenario: Scenario, rev: string, cwd?: string): Promise<string> {
  return (await scenario.git(['rev-parse', rev], cwd === undefined ? {} : { cwd })).stdout.trim();
}

/** A commit's parents. */
export async function parents(scenario: Scenario, rev = 'HEAD', cwd?: string): Promise<string[]> {
  return (
    await scenario.git(['log', '-1', '--format=%P', rev], cwd === undefined ? {} : { cwd })
  ).stdout
    .trim()
    .split(' ');
}

/** The `revision = '…'` id of a revision file's text. */
export function revisionIdOf(text: string | undefined): string {
  return /^revision = '([0-9a-f]{12})'$/m.exec(text ?? '')?.[1] ?? '';
}

/** Where to look: an environment of the scenario, in the repository or a clone of it. */
export interface Place {
  readonly environment?: number;
  /** A clone's directory relative to the repository ('' for the repository itself). */
  readonly root?: string;
}

/** The revision file in `rev` that down-revises exactly `parentIds` (a merge revision). */
export async function mergeRevisionIn(
  scenario: Scenario,
  parentIds: readonly string[],
  rev = 'HEAD',
  place: Place = {},
): Promise<{ file: string; text: string } | undefined> {
  const cwd = { cwd: place.root ?? '' };
  const listing = await scenario.git(
    [
      'ls-tree',
      '-r',
      '-z',
      '--name-only',
      '--full-tree',
      rev,
      '--',
      scenario.scriptPath('versions', place.environment),
    ],
    cwd,
  );
  const down = `down_revision = (${parentIds.map((id) => `'${id}'`).join(', ')})`;
  for (const file of listing.stdout.split('\0').filter((name) => name.endsWith('.py'))) {
    const text = (await scenario.git(['show', `${rev}:${file}`], cwd)).stdout;
    if (text.replace(/\r\n/g, '\n').split('\n').includes(down)) return { file, text };
  }
  return undefined;
}

/**
 * Checks that HEAD holds a merge revision of `parentIds` (in this order), that the heads file
 * lists only it, and that the tree is clean; returns its id.
 */
export async function assertMergedInHead(
  t: ExecutionContext,
  scenario: Scenario,
  parentIds: readonly string[],
  place: Place = {},
): Promise<string> {
  const merged = await mergeRevisionIn(scenario, parentIds, 'HEAD', place);
  const id = revisionIdOf(merged?.text);
  t.not(id, '', `HEAD holds the merge revision of ${parentIds.join(', ')}`);
  if (place.root === undefined || place.root === '')
    t.deepEqual(await scenario.listedHeads(place.environment), [id]);
  t.is(
    (
      await scenario.git(
        ['status', '--porcelain', '--untracked-files=all', '--', '.', ':!package-lock.json'],
        { cwd: place.root ?? '' },
      )
    ).stdout,
    '',
    'clean tree',
  );
  return id;
}
