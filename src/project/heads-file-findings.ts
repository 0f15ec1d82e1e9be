// GA201 (stale heads file) and GA202 (missing heads file where one is expected). A project that
// never ran setup has no heads file, and that is fine: a missing file is reported only when
// .gitattributes gives it our merge driver or the project config names it.
import path from 'node:path';

import type { ResolvedConfig } from '../config/schema.js';
import { DEFAULT_DRIVER_NAME } from '../core/edits/gitattributes.js';
import type { Finding } from '../core/findings.js';
import { isReplaceableHeadsFile } from '../core/heads/heads-file.js';
import { HeadsFileFindingMessages, HeadsFileUpkeepMessages } from '../messages/git-integration.js';
import { findRepositoryRoot } from './find-repository.js';
import { type HeadsFileState, inspectHeadsFile } from './heads-files.js';
import type { History } from './workspace.js';

/** Why an environment is expected to have a heads file. */
type Expectation =
  | { readonly kind: 'attributes' }
  | { readonly kind: 'config'; readonly file: string };

/** GA201 and GA202 for every environment. */
export async function headsFileFindings(
  histories: readonly History[],
  repoRoot: string,
  config: ResolvedConfig,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Finding[]> {
  const states = histories.map((history) => ({
    history,
    state: inspectHeadsFile(history, repoRoot),
  }));
  const missing = states
    .filter(({ state }) => state.status.kind === 'missing')
    .map(({ state }) => state);
  const expectations = await expectedHeadsFiles(missing, repoRoot, config, env);
  return states.flatMap(({ history, state }) => {
    const finding = headsFileFinding(history.environment.name, state, expectations.get(state.file));
    return finding === undefined ? [] : [finding];
  });
}

/** The finding for one environment's heads file, if any. */
export function headsFileFinding(
  environment: string,
  state: HeadsFileState,
  expectation: Expectation | undefined,
): Finding | undefined {
  const locations = [{ file: state.relative }];
  const { status } = state;
  if (status.kind === 'stale') {
    const message = HeadsFileFindingMessages.stale(state.relative, status.listed, state.heads);
    return {
      id: 'GA201',
      environment,
      message,
      hint: HeadsFileFindingMessages.STALE_HINT,
      locations,
    };
  }
  if (status.kind === 'unreadable') {
    const message = HeadsFileFindingMessages.unreadable(state.relative, status.reason, state.heads);
    // Conflict markers are ours to resolve; any other file there is not ours to replace.
    const hint = isReplaceableHeadsFile(state.text ?? '')
      ? HeadsFileFindingMessages.STALE_HINT
      : HeadsFileUpkeepMessages.NOT_A_HEADS_FILE_HINT;
    return {
      id: 'GA201',
      environment,
      message,
      hint,
      locations: [{ file: state.relative, line: status.line }],
    };
  }
  if (status.kind !== 'missing' || expectation === undefined) return undefined;
  const message =
    expectation.kind === 'attributes'
      ? HeadsFileFindingMessages.missingAttributes(state.relative)
      : HeadsFileFindingMessages.missingConfigured(state.relative, expectation.file);
  return {
    id: 'GA202',
    environment,
    message,
    hint: HeadsFileFindingMessages.MISSING_HINT,
    locations,
  };
}

// Missing heads files that the project config names, or that git gives our merge driver.
async function expectedHeadsFiles(
  missing: readonly HeadsFileState[],
  repoRoot: string,
  config: ResolvedConfig,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Map<string, Expectation>> {
  const expectations = new Map<string, Expectation>();
  if (missing.length === 0) return expectations;
  const configured = new Set(
    config.environments.flatMap((entry) =>
      entry.headsFile === undefined ? [] : [path.resolve(config.baseDirectory, entry.headsFile)],
    ),
  );
  for (const state of missing) {
    if (configured.has(state.file))
      expectations.set(state.file, {
        kind: 'config',
        file: config.file ?? 'the git-alembic config',
      });
  }
  const askGit = missing.filter(
    (state) => !expectations.has(state.file) && !path.isAbsolute(state.relative),
  );
  if (askGit.length === 0 || findRepositoryRoot(repoRoot, env) === undefined) return expectations;
  const [{ Git }, { checkAttribute }] = await Promise.all([
    import('../git/simple-git-port.js'),
    import('../git/repository.js'),
  ]);
  const values = await checkAttribute(
    await Git.open({ cwd: repoRoot, env }),
    'merge',
    askGit.map((state) => state.relative),
  );
  for (const state of askGit) {
    if (values.get(state.relative) === DEFAULT_DRIVER_NAME)
      expectations.set(state.file, { kind: 'attributes' });
  }
  return expectations;
}
