// What a merge may run of the project's own code. `git-alembic merge` is run on purpose and
// trusts the work tree. A git hook runs inside an operation that brought in another branch's
// files, so it runs code (post-write hooks, the programs they start, a template Python must
// render) only when the operation left it as it was in the commit the user had before.
import { realpathSync } from 'node:fs';
import path from 'node:path';

import { hookDefinitionFiles, postWriteHooksIn, sameHooks } from '../alembic/hook-definitions.js';
import type { AlembicEnvironment } from '../alembic/environment.js';
import { UserError } from '../errors.js';

/** The commit the user had before the operation, asked about by the merge writer. */
export interface OperationTrust {
  /** Those of `files` (absolute; a directory stands for what is in it) the operation changed; nothing outside the work tree is. */
  changedFiles(files: readonly string[]): Promise<ReadonlySet<string>>;
  /** A file's text in that commit; undefined when it was not there. */
  textBefore(file: string): Promise<string | undefined>;
}

/** Why a hook wrote no merge revision in an environment: the operation changed these files, which the merge would run. */
export interface HeldBack {
  readonly reason: 'post-write-hooks' | 'template';
  readonly files: readonly string[];
}

/** The config files, when the operation changed the post-write hooks that would run; undefined when it did not. */
export async function changedHookDefinitions(
  environment: AlembicEnvironment,
  trust: OperationTrust,
  repoRoot: string,
): Promise<string[] | undefined> {
  // No hooks now: nothing would run, whatever the operation changed.
  if (environment.postWriteHooks.length === 0) return undefined;
  const files = hookDefinitionFiles(environment);
  const changed = await trust.changedFiles([files.ini, files.toml]);
  if (changed.size === 0) return undefined;
  try {
    const texts = {
      ini: await trust.textBefore(files.ini),
      toml: await trust.textBefore(files.toml),
    };
    if (
      sameHooks(
        await postWriteHooksIn(texts, files, environment.section, repoRoot),
        environment.postWriteHooks,
      )
    )
      return undefined;
  } catch (error) {
    // Files the user's commit could not even read defined no hooks the user knew.
    if (!(error instanceof UserError)) throw error;
  }
  return [...changed];
}

/** The environment's template, when the operation changed it; undefined when it did not. */
export async function changedTemplate(
  environment: AlembicEnvironment,
  trust: OperationTrust,
): Promise<string[] | undefined> {
  const template = path.join(environment.scriptLocation, 'script.py.mako');
  const changed = await trust.changedFiles([template]);
  return changed.size === 0 ? undefined : [template];
}

/**
 * Those of `programs` (absolute paths) the operation changed: the file itself, or the file a
 * symbolic link leads to inside the work tree. Bare names (looked up on the PATH) are left out.
 */
export async function changedPrograms(
  trust: OperationTrust,
  programs: readonly string[],
): Promise<Set<string>> {
  const targets = programs
    .filter((program) => path.isAbsolute(program))
    .map((program) => ({ program, files: [program, realPath(program)] }));
  const changed = await trust.changedFiles([...new Set(targets.flatMap(({ files }) => files))]);
  return new Set(
    targets
      .filter(({ files }) => files.some((file) => changed.has(file)))
      .map(({ program }) => program),
  );
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    // No such file (yet): only its own path can have changed.
    return file;
  }
}
