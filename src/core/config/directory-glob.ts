// Glob patterns for version locations in the git-alembic config (`migrations/versions/*/expand`,
// `migrations/versions/**`): projects such as neutron and keystone build the list in env.py, so
// a pattern is the only way to name it without listing every release. Matching works one name
// at a time with no regular expression built from the pattern, and the walk visits each
// (directory, segment) pair once, so a hostile pattern costs time linear in the tree it walks.
import { compareSegments } from '../code-point-order.js';

/** One `/`-separated part of a pattern. */
export type GlobSegment =
  | { readonly kind: 'literal'; readonly name: string }
  | { readonly kind: 'wildcard'; readonly pattern: string }
  /** `**`: zero or more directories. */
  | { readonly kind: 'globstar' };

/** A subdirectory as the walk sees it. */
export interface SubdirectoryEntry {
  readonly name: string;
  /** A symbolic link to a directory: matched by `*`, never descended by `**` (no loops). */
  readonly link: boolean;
}

/** The file system as the walk needs it; `parts` are names below the walk's start directory. */
export interface DirectoryLister {
  /** The subdirectories (links to directories included) of the directory at `parts`. */
  subdirectories(parts: readonly string[]): readonly SubdirectoryEntry[];
  /** Whether `parts` names a directory (links followed). */
  isDirectory(parts: readonly string[]): boolean;
}

const GLOB_CHARACTERS = /[*?[]/;
// Alembic's recursive walk skips it, and it never holds revision sources.
const PYCACHE = '__pycache__';

/** Whether a path uses glob syntax (`*`, `?` or `[`), and so is expanded rather than taken as written. */
export function hasGlobSyntax(text: string): boolean {
  return GLOB_CHARACTERS.test(text);
}

/** The segments of a pattern already split on `/` (empty and `.` parts dropped). */
export function parseGlobSegments(parts: readonly string[]): GlobSegment[] {
  return parts
    .filter((part) => part !== '' && part !== '.')
    .map((part): GlobSegment => {
      if (part === '**') return { kind: 'globstar' };
      return hasGlobSyntax(part)
        ? { kind: 'wildcard', pattern: part }
        : { kind: 'literal', name: part };
    });
}

/**
 * Every directory below the start that the segments match, as name lists, each once, in
 * code-point order of their names segment by segment (a directory before its subdirectories,
 * as Alembic's recursive walk visits them). Wildcards (`*`, `?`, `[...]`, `**`) do not match
 * hidden names (a leading `.`) unless the pattern segment starts with `.`, nor `__pycache__`.
 */
export function expandDirectoryGlob(
  segments: readonly GlobSegment[],
  lister: DirectoryLister,
): string[][] {
  const matches = new Map<string, string[]>();
  const visited = new Set<string>();
  const pending: { parts: string[]; index: number }[] = [{ parts: [], index: 0 }];
  for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
    const key = `${state.index}\0${state.parts.join('/')}`;
    if (visited.has(key)) continue;
    visited.add(key);
    const segment = segments[state.index];
    if (segment === undefined) {
      matches.set(state.parts.join('/'), state.parts);
      continue;
    }
    pending.push(...nextStates(segment, state.parts, state.index, lister));
  }
  return [...matches.values()].sort(compareSegments);
}

// Where one segment leads from the directory at `parts`.
function nextStates(
  segment: GlobSegment,
  parts: string[],
  index: number,
  lister: DirectoryLister,
): { parts: string[]; index: number }[] {
  if (segment.kind === 'literal') {
    const child = [...parts, segment.name];
    return lister.isDirectory(child) ? [{ parts: child, index: index + 1 }] : [];
  }
  const children = lister
    .subdirectories(parts)
    .filter((entry) => entry.name !== PYCACHE && !entry.name.startsWith('.'));
  if (segment.kind === 'globstar') {
    const deeper = children
      .filter((entry) => !entry.link)
      .map((entry) => ({ parts: [...parts, entry.name], index }));
    return [{ parts, index: index + 1 }, ...deeper];
  }
  const candidates = segment.pattern.startsWith('.') ? lister.subdirectories(parts) : children;
  return candidates
    .filter((entry) => matchName(segment.pattern, entry.name))
    .map((entry) => ({ parts: [...parts, entry.name], index: index + 1 }));
}

/** One element of a wildcard segment. */
type Token =
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly accepts: (character: string) => boolean };

/**
 * Whether `name` matches one wildcard segment as Python's fnmatchcase does: `*` any run, `?` one
 * character, `[abc]`, `[a-z]` and `[!a]` one character of a set; anything else stands for itself.
 * The classic two-pointer match that only ever returns to the last `*`: at most name × pattern steps.
 */
export function matchName(pattern: string, name: string): boolean {
  const tokens = tokenize(pattern);
  const characters = Array.from(name);
  let t = 0;
  let c = 0;
  let starToken = -1;
  let starCharacter = 0;
  while (c < characters.length) {
    const token = tokens[t];
    if (token !== undefined && token.kind === 'star') {
      starToken = t++;
      starCharacter = c;
    } else if (token !== undefined && accepts(token, characters[c] as string)) {
      t++;
      c++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      c = ++starCharacter;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function accepts(token: Token, character: string): boolean {
  return token.kind === 'any' || (token.kind === 'class' && token.accepts(character));
}

function tokenize(pattern: string): Token[] {
  const characters = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i] as string;
    if (character === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (character === '?') {
      tokens.push({ kind: 'any' });
    } else if (character === '[' && classEnd(characters, i) !== -1) {
      const end = classEnd(characters, i);
      tokens.push(characterClass(characters.slice(i + 1, end)));
      i = end;
    } else {
      tokens.push({ kind: 'class', accepts: (other) => other === character });
    }
  }
  return tokens;
}

// The index of the `]` closing the class opened at `start`, or -1 (then `[` is literal). A `]`
// right after `[` or `[!` belongs to the set.
function classEnd(characters: readonly string[], start: number): number {
  let i = start + 1;
  if (characters[i] === '!') i++;
  if (characters[i] === ']') i++;
  for (; i < characters.length; i++) if (characters[i] === ']') return i;
  return -1;
}

function characterClass(body: readonly string[]): Token {
  const negated = body[0] === '!';
  const items = negated ? body.slice(1) : body;
  const ranges: [number, number][] = [];
  for (let i = 0; i < items.length; i++) {
    const low = (items[i] as string).codePointAt(0) as number;
    const isRange = items[i + 1] === '-' && i + 2 < items.length;
    const high = isRange ? ((items[i + 2] as string).codePointAt(0) as number) : low;
    ranges.push([low, high]);
    if (isRange) i += 2;
  }
  return {
    kind: 'class',
    accepts: (character) => {
      const point = character.codePointAt(0) as number;
      return ranges.some(([low, high]) => point >= low && point <= high) !== negated;
    },
  };
}
