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

/** A name, an email and a date in git's internal format (`1700000000 +0100`). */
export interface GitIdentity {
  readonly name: string;
  readonly email: string;
  readonly date: string;
}

/** The parts of a commit object the hooks rewrite a commit with. */
export interface RawCommit {
  readonly tree: string;
  readonly parents: readonly string[];
  readonly author: GitIdentity;
  readonly committer: GitIdentity;
  /** Every byte after the header's blank line, exactly. */
  readonly message: string;
}

/** Parses `git cat-file commit <rev>`; undefined when the header lacks tree, author or committer. */
export function parseRawCommit(text: string): RawCommit | undefined {
  const end = text.indexOf('\n\n');
  const header = end === -1 ? text : text.slice(0, end);
  const fields = new Map<string, string>();
  const parents: string[] = [];
  for (const line of header.split('\n')) {
    // Continuation lines (a signature's) start with a space and belong to the field before.
    if (line.startsWith(' ')) continue;
    const space = line.indexOf(' ');
    const [key, value] = space === -1 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
    if (key === 'parent') parents.push(value);
    else if (!fields.has(key)) fields.set(key, value);
  }
  const tree = fields.get('tree');
  const author = parseIdentity(fields.get('author'));
  const committer = parseIdentity(fields.get('committer'));
  if (tree === undefined || author === undefined || committer === undefined) return undefined;
  return { tree, parents, author, committer, message: end === -1 ? '' : text.slice(end + 2) };
}

// `Name <email> 1700000000 +0100`; the name may be empty and may contain anything but `<`.
function parseIdentity(value: string | undefined): GitIdentity | undefined {
  const match = value === undefined ? null : /^(.*?) ?<([^>]*)> (\d+ [+-]\d{4})$/.exec(value);
  if (match === null) return undefined;
  return { name: match[1] ?? '', email: match[2] ?? '', date: match[3] ?? '' };
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

/** What `git ls-files -s -t -c -m -z` says about the index. */
export interface IndexListing {
  readonly entries: GitFileEntry[];
  /** Paths with the skip-worktree bit (sparse checkout): absent from the work tree by design. */
  readonly skipWorktree: Set<string>;
  /** Paths whose work-tree file differs from the entry, or is gone. */
  readonly modified: Set<string>;
}

// `<tag> <mode> <object> <stage>\t<path>`; the tag is H (cached), S (skip-worktree), M (unmerged) or C (modified, a second line).
const INDEX_RECORD = /^([A-Z?]) ([0-7]{6}) ([0-9a-f]{40,64}) ([0-3])\t/;
// `<mode> <type> <object>\t<path>`.
const TREE_RECORD = /^([0-7]{6}) ([a-z]+) ([0-9a-f]{40,64})\t/;

/** Parses `git ls-files -s -t -c -m -z`: each entry once, plus a `C` line for each one that differs in the work tree. */
export function parseIndexListing(output: string): IndexListing {
  const listing: IndexListing = { entries: [], skipWorktree: new Set(), modified: new Set() };
  for (const record of splitNul(output)) {
    const match = INDEX_RECORD.exec(record);
    if (match === null) continue;
    const [whole, tag, mode = '', blob = '', stage = '0'] = match;
    const path = record.slice(whole.length);
    if (tag === 'C') listing.modified.add(path);
    else listing.entries.push({ path, mode, blob, stage: Number(stage) });
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
    const [id = '', type = '', size = ''] = decoder.decode(output.subarray(offset, newline)).split(' ');
    offset = newline + 1;
    if (type === 'missing' || !/^\d+$/.test(size)) continue;
    const end = offset + Number(size);
    contents.set(id, output.subarray(offset, end));
    offset = end + 1;
  }
  return contents;
}
