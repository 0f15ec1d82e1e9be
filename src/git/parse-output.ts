// Pure parsers of git's machine-readable output (`-z`/`--null` forms), tested on captured strings.

/** Splits `-z` output into entries. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}

// git's C-style escapes (quote.c) of the characters it quotes in a name.
const C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  '"': '"',
  '\\': '\\',
};
// A run of octal escapes is bytes (UTF-8, when git quotes non-ASCII names too); else one letter.
const C_ESCAPE = /((?:\\[0-3][0-7]{2})+)|\\(.)/gs;

/**
 * Parses names git printed one per line with `core.quotePath=false`: a name with a `"`, a `\`
 * or a control character comes in double quotes with C escapes (`"a\nb.py"`), any other as it is.
 */
export function splitQuotedLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      if (!(line.length >= 2 && line.startsWith('"') && line.endsWith('"'))) return line;
      return line
        .slice(1, -1)
        .replace(C_ESCAPE, (sequence, octal: string | undefined, letter: string) =>
          octal === undefined ? (C_ESCAPES[letter] ?? sequence) : octalBytes(octal),
        );
    });
}

function octalBytes(escapes: string): string {
  const bytes = escapes
    .split('\\')
    .slice(1)
    .map((digits) => Number.parseInt(digits, 8));
  return new TextDecoder().decode(new Uint8Array(bytes));
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
    results.push({
      path: fields[index] ?? '',
      attribute: fields[index + 1] ?? '',
      value: fields[index + 2] ?? '',
    });
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
  return {
    scope: (SCOPES as readonly string[]).includes(scope) ? (scope as ConfigScope) : 'unknown',
    value,
  };
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
  const [id, ...parents] = (end === -1 ? output : output.slice(0, end))
    .trim()
    .split(' ')
    .filter((sha) => sha !== '');
  if (id === undefined || ![id, ...parents].every((sha) => /^[0-9a-f]{40,64}$/.test(sha)))
    return undefined;
  const names = end === -1 ? '' : output.slice(end + 1);
  return { id, parents, changed: splitNul(names.startsWith('\n') ? names.slice(1) : names) };
}

/** One line of FETCH_HEAD: what a fetch brought, and whether `git pull` merges it. */
export interface FetchedRef {
  readonly sha: string;
  readonly forMerge: boolean;
  /** `branch`, `tag`, or undefined for another ref or a remote's HEAD. */
  readonly kind: 'branch' | 'tag' | undefined;
  /** The branch or tag (`main`), the ref (`refs/pull/1/head`), or '' for a remote's HEAD. */
  readonly name: string;
  /** Where it came from, as git shortens it (no `.git`, no user name). */
  readonly url: string;
}

/** Parses FETCH_HEAD: `<sha>\t[not-for-merge]\t<branch 'main' of url | tag 'v1' of url | 'ref' of url | url>` per line. */
export function parseFetchHead(text: string): FetchedRef[] {
  return text.split('\n').flatMap((line) => {
    const [sha = '', marker, description] = line.split('\t');
    if (!/^[0-9a-f]{40,64}$/.test(sha) || marker === undefined || description === undefined)
      return [];
    return [{ sha, forMerge: marker !== 'not-for-merge', ...describedRef(description) }];
  });
}

/** The FETCH_HEAD line `git pull` merged `sha` from, if any. */
export function fetchedFrom(fetchHead: string, sha: string): FetchedRef | undefined {
  return parseFetchHead(fetchHead).find((fetched) => fetched.forMerge && fetched.sha === sha);
}

// `branch 'main' of <url>`; the name is quoted by git and never contains a quote (refs cannot).
function describedRef(description: string): Pick<FetchedRef, 'kind' | 'name' | 'url'> {
  const quoted = /^(?:(branch|tag) )?'([^']*)' of /.exec(description);
  if (quoted === null) return { kind: undefined, name: '', url: description };
  const kind = quoted[1] === 'branch' || quoted[1] === 'tag' ? quoted[1] : undefined;
  return { kind, name: quoted[2] ?? '', url: description.slice(quoted[0].length) };
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
    .filter(
      (fields): fields is [string, string, ...string[]] =>
        fields.length >= 2 && fields.slice(0, 2).every((sha) => /^[0-9a-f]{40,64}$/.test(sha)),
    )
    .map(([old, rewritten]) => ({ old, new: rewritten }));
}

/** A file git records: an index entry (`ls-files -s`) or a tree entry (`ls-tree -r`). */
export interface GitFileEntry {
  /** Repository-relative, forward slashes. */
  readonly path: string;
  /** `100644`, `100755`, `120000` (a symbolic link), `160000` (a submodule). */
  readonly mode: string;
  /** The object id of its content. */
  readonly blob: string;
  /** 0, or 1–3 for the sides of an unmerged path. */
  readonly stage: number;
}

/** What `git ls-files -s -v -c -m -z` says about the index. */
export interface IndexListing {
  readonly entries: GitFileEntry[];
  /** Paths with the skip-worktree bit (sparse checkout): absent from the work tree by design. */
  readonly skipWorktree: Set<string>;
  /**
   * Paths whose work-tree file differs from the entry, is gone, or is not looked at: git never
   * compares an entry marked assume-unchanged (`update-index --assume-unchanged`, core.ignoreStat).
   */
  readonly modified: Set<string>;
}

// `<tag> <mode> <object> <stage>\t<path>`; the tag is H (cached), S (skip-worktree), M (unmerged)
// or C (modified, a second line); lower case when the entry is marked assume-unchanged.
const INDEX_RECORD = /^([A-Za-z?]) ([0-7]{6}) ([0-9a-f]{40,64}) ([0-3])\t/;
// `<mode> <type> <object>\t<path>`.
const TREE_RECORD = /^([0-7]{6}) ([a-z]+) ([0-9a-f]{40,64})\t/;

/** Parses `git ls-files -s -v -c -m -z`: each entry once, plus a `C` line for each one that differs in the work tree. */
export function parseIndexListing(output: string): IndexListing {
  const listing: IndexListing = { entries: [], skipWorktree: new Set(), modified: new Set() };
  for (const record of splitNul(output)) {
    const match = INDEX_RECORD.exec(record);
    if (match === null) continue;
    const [whole, given = '', mode = '', blob = '', stage = '0'] = match;
    const path = record.slice(whole.length);
    const tag = given.toUpperCase();
    if (tag === 'C' || tag !== given) listing.modified.add(path);
    if (tag !== 'C') listing.entries.push({ path, mode, blob, stage: Number(stage) });
    if (tag === 'S') listing.skipWorktree.add(path);
  }
  return listing;
}

/** Parses `git ls-tree -r -z`: the blobs (and links, and submodules) of a tree. */
export function parseTreeListing(output: string): GitFileEntry[] {
  return splitNul(output).flatMap((record) => {
    const match = TREE_RECORD.exec(record);
    if (match === null) return [];
    const [whole, mode = '', , blob = ''] = match;
    return [{ path: record.slice(whole.length), mode, blob, stage: 0 }];
  });
}

/**
 * Parses `git cat-file --batch` output (`<id> <type> <size>\n<content>\n` per object, or
 * `<id> missing\n`) into each object's content, keyed by id. Contents are views into `output`.
 */
export function parseBatchOutput(output: Uint8Array): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline === -1) break;
    const [id = '', type = '', size = ''] = decoder
      .decode(output.subarray(offset, newline))
      .split(' ');
    offset = newline + 1;
    if (type === 'missing' || !/^\d+$/.test(size)) continue;
    const end = offset + Number(size);
    contents.set(id, output.subarray(offset, end));
    offset = end + 1;
  }
  return contents;
}
