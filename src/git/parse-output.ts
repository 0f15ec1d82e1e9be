// Pure parsers of git's machine-readable output (`-z`/`--null` forms), tested on captured strings.

/** Splits `-z` output into entries. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}

/** One `git check-attr -z` result. */
export interface AttributeValue {
  readonly path: string;
  readonly attribute: string;
  /** `unspecified`, `set`, `unset`, or the value. */
  readonly value: string;
}

/** Parses `git check-attr -z <attr> -- <paths>`: NUL-separated path, attribute, value triples. */
export function parseCheckAttr(output: string): AttributeValue[] {
  const fields = output.split('\0');
  const results: AttributeValue[] = [];
  for (let index = 0; index + 2 < fields.length; index += 3) {
    results.push({ path: fields[index] ?? '', attribute: fields[index + 1] ?? '', value: fields[index + 2] ?? '' });
  }
  return results;
}

/** Where a config value came from (`git config --show-scope`). */
export type ConfigScope = 'system' | 'global' | 'local' | 'worktree' | 'command' | 'unknown';

/** A config value with its scope. */
export interface ScopedValue {
  readonly scope: ConfigScope;
  readonly value: string;
}

const SCOPES: readonly ConfigScope[] = ['system', 'global', 'local', 'worktree', 'command'];

/** Parses `git config --show-scope --null --get <key>` (`scope\0value\0`); undefined when empty (not set). */
export function parseScopedValue(output: string): ScopedValue | undefined {
  if (output === '') return undefined;
  const [scope = '', value = ''] = output.split('\0');
  return { scope: (SCOPES as readonly string[]).includes(scope) ? (scope as ConfigScope) : 'unknown', value };
}

/** Parses `git config --null --get <key>` (`value\0`); undefined when empty (not set). */
export function parseNullValue(output: string): string | undefined {
  if (output === '') return undefined;
  return output.endsWith('\0') ? output.slice(0, -1) : output;
}

/** Parses `git config --null --get-regexp <re>` (`key\nvalue\0` entries) into [key, value] pairs. */
export function parseConfigEntries(output: string): [string, string][] {
  return output
    .split('\0')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const newline = entry.indexOf('\n');
      return newline === -1 ? [entry, ''] : [entry.slice(0, newline), entry.slice(newline + 1)];
    });
}

/** The three lines of `git rev-parse --path-format=absolute --show-toplevel --git-dir --git-common-dir`. */
export interface GitLocations {
  readonly topLevel: string;
  readonly gitDir: string;
  readonly commonDir: string;
  /** A linked worktree (`git worktree add`): its git dir is not the common one. */
  readonly linkedWorktree: boolean;
}

/** Parses the rev-parse output above; undefined when it is not three lines. */
export function parseLocations(output: string): GitLocations | undefined {
  const lines = output.replace(/\r?\n$/, '').split(/\r?\n/);
  const [topLevel, gitDir, commonDir] = lines;
  if (lines.length !== 3 || !topLevel || !gitDir || !commonDir) return undefined;
  return { topLevel, gitDir, commonDir, linkedWorktree: gitDir !== commonDir };
}

/** A commit, its parents, and the paths it changed against its first parent. */
export interface CommitRecord {
  readonly id: string;
  readonly parents: readonly string[];
  readonly changed: readonly string[];
}

/** Parses `git log -1 -z --format=%H%x20%P --name-only <commit>`: `<id> <parents>\0` and then `\n<path>\0`…. */
export function parseCommitRecord(output: string): CommitRecord | undefined {
  const end = output.indexOf('\0');
  const [id, ...parents] = (end === -1 ? output : output.slice(0, end)).trim().split(' ').filter((sha) => sha !== '');
  if (id === undefined || ![id, ...parents].every((sha) => /^[0-9a-f]{40,64}$/.test(sha))) return undefined;
  const names = end === -1 ? '' : output.slice(end + 1);
  return { id, parents, changed: splitNul(names.startsWith('\n') ? names.slice(1) : names) };
}

/** One `<old> <new>` line git feeds post-rewrite on stdin. */
export interface Rewritten {
  readonly old: string;
  readonly new: string;
}

/** Parses post-rewrite's stdin (`<old-sha> <new-sha> [<extra>]` per line). */
export function parseRewritten(text: string): Rewritten[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields): fields is [string, string, ...string[]] => fields.length >= 2 && fields.slice(0, 2).every((sha) => /^[0-9a-f]{40,64}$/.test(sha)))
    .map(([old, rewritten]) => ({ old, new: rewritten }));
}
