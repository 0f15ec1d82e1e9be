// Our entry in a project's `.pre-commit-config.yaml`, and our hook types in its
// `default_install_hook_types`. The file is the user's: `yaml` parses it (pre-commit-yaml.ts)
// and we splice text at the ranges it reports, so every byte we do not add stays as it was,
// comments, quoting, flow or block style and line breaks included. New lines copy the style of
// the entries already there. Removal takes out exactly what we added, and finds it again after
// the user edited around it.
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';

import { detectEol } from '../core/edits/line-endings.js';
import type { PreCommitSetupRecord } from '../core/edits/setup-record.js';
import {
  DEFAULT_HOOK_TYPES,
  HOOK_TYPES_KEY,
  OUR_HOOK_IDS,
  OUR_HOOK_TYPES,
} from '../core/setup/pre-commit-hooks.js';
import {
  appendFlow,
  applySplices,
  columnOf,
  insertLines,
  lineStart,
  removeFlow,
  type Span,
  type Splice,
  wholeLines,
} from '../core/edits/text-splices.js';
import {
  ourEntryIndex,
  parseConfig,
  rangeOf,
  reposOf,
  rootMap,
  stringsOf,
} from './pre-commit-yaml.js';

export { hasOurEntry } from './pre-commit-yaml.js';

/** The entry to add. */
export interface RepoEntry {
  readonly repo: string;
  readonly rev: string;
}

/** What adding changed (the setup record keeps it for removal). */
export interface PreCommitAddition {
  readonly text: string;
  readonly entryAdded: boolean;
  readonly hookTypesAdded: readonly string[];
  /** Whether `default_install_hook_types` itself was added. */
  readonly hookTypesKeyAdded: boolean;
}

/** A new config holding just our entry and hook types. */
export function newPreCommitConfig(entry: RepoEntry): string {
  return [
    `${HOOK_TYPES_KEY}: [${OUR_HOOK_TYPES.join(', ')}]`,
    'repos:',
    ...entryLines(entry, { dash: 2, key: 4, hookDash: 6, hookKey: 8 }),
    '',
  ].join('\n');
}

/** Adds our entry (unless one is there) and our hook types. @throws InputError naming the file and line. */
export function addToPreCommitConfig(
  text: string,
  entry: RepoEntry,
  fileName: string,
): PreCommitAddition {
  const eol = detectEol(text);
  const document = parseConfig(text, fileName);
  const root = rootMap(document, fileName);
  const repos = reposOf(document, fileName);
  const splices: Splice[] = [];
  const entryAdded = ourEntryIndex(repos) === -1;
  const types = root.get(HOOK_TYPES_KEY, true);
  const present = types === undefined ? DEFAULT_HOOK_TYPES : stringsOf(types, text, fileName);
  const hookTypesAdded = OUR_HOOK_TYPES.filter((type) => !present.includes(type));
  // Same offset: the later splice's text ends up first, so the hook types go after the entry.
  if (types === undefined)
    splices.push(
      addKey(
        root,
        `${HOOK_TYPES_KEY}: [${[...DEFAULT_HOOK_TYPES, ...hookTypesAdded].join(', ')}]`,
        text,
        eol,
      ),
    );
  else if (hookTypesAdded.length > 0 && isSeq(types))
    splices.push(
      !types.flow && types.items.length > 0
        ? appendBlockItems(types, hookTypesAdded, text, eol)
        : appendFlowItems(types, hookTypesAdded),
    );
  if (entryAdded) splices.push(appendEntry(repos, entry, text, eol));
  return {
    text: applySplices(text, splices),
    entryAdded,
    hookTypesAdded,
    hookTypesKeyAdded: types === undefined,
  };
}

/** Removes what the setup record `removal` says adding added; the rest stays byte for byte. */
export function removeFromPreCommitConfig(
  text: string,
  removal: PreCommitSetupRecord,
  fileName: string,
): { text: string; changed: boolean } {
  const document = parseConfig(text, fileName);
  const root = rootMap(document, fileName);
  const splices: Splice[] = [];
  const types = root.get(HOOK_TYPES_KEY, true);
  if (isSeq(types) && removal.hookTypes.length > 0) {
    const kept = stringsOf(types, text, fileName).filter(
      (type) => !removal.hookTypes.includes(type),
    );
    if (removal.hookTypesKey && kept.join() === DEFAULT_HOOK_TYPES.join())
      splices.push(...removeKey(root, HOOK_TYPES_KEY, text));
    else
      splices.push(
        ...removeItems(
          types,
          (item) => isScalar(item) && removal.hookTypes.includes(String(item.value)),
          text,
          keyEnd(root, HOOK_TYPES_KEY),
        ),
      );
  }
  if (removal.entry) {
    const repos = reposOf(document, fileName);
    const index = ourEntryIndex(repos);
    if (index !== -1)
      splices.push(
        ...removeItems(repos, (item) => item === repos.items[index], text, keyEnd(root, 'repos')),
      );
  }
  const after = applySplices(text, splices);
  return { text: after, changed: after !== text };
}

// ---- Block entries ----

/** Columns of a block entry: its dash and keys, its hooks' dash and keys. */
interface EntryStyle {
  readonly dash: number;
  readonly key: number;
  readonly hookDash: number;
  readonly hookKey: number;
}

function entryLines(entry: RepoEntry, style: EntryStyle): string[] {
  const pad = (column: number): string => ' '.repeat(column);
  return [
    `${pad(style.dash)}-${pad(style.key - style.dash - 1)}repo: ${entry.repo}`,
    `${pad(style.key)}rev: ${entry.rev}`,
    `${pad(style.key)}hooks:`,
    ...OUR_HOOK_IDS.map(
      (id) => `${pad(style.hookDash)}-${pad(style.hookKey - style.hookDash - 1)}id: ${id}`,
    ),
  ];
}

// After the last entry, in the style of the entries there (pre-commit's own `-   repo:` or `  - repo:`).
function appendEntry(repos: YAMLSeq, entry: RepoEntry, text: string, eol: string): Splice {
  const last = repos.items.at(-1);
  if (repos.flow || !isMap(last)) {
    const hooks = OUR_HOOK_IDS.map((id) => `{id: ${id}}`).join(', ');
    return appendFlowItems(repos, [`{repo: ${entry.repo}, rev: ${entry.rev}, hooks: [${hooks}]}`]);
  }
  const key = columnOf(text, rangeOf(last)[0]);
  const dash = columnOf(text, dashBefore(text, rangeOf(last)[0]));
  const hooks = last.get('hooks', true);
  const firstHook = isSeq(hooks) && !hooks.flow ? hooks.items[0] : undefined;
  const hookKey = isMap(firstHook) ? columnOf(text, rangeOf(firstHook)[0]) : key + 4;
  const hookDash = isMap(firstHook)
    ? columnOf(text, dashBefore(text, rangeOf(firstHook)[0]))
    : key + 2;
  return insertLines(
    text,
    rangeOf(last)[1],
    entryLines(entry, { dash, key, hookDash, hookKey }),
    eol,
  );
}

// Block items after the last one, each with the last one's indentation and dash.
function appendBlockItems(
  types: YAMLSeq,
  added: readonly string[],
  text: string,
  eol: string,
): Splice {
  const [start, end] = rangeOf(types.items.at(-1));
  const prefix = text.slice(lineStart(text, dashBefore(text, start)), start);
  return insertLines(
    text,
    end,
    added.map((type) => `${prefix}${type}`),
    eol,
  );
}

// ---- Flow collections: `, item` after the last one (text-splices.ts) ----

function itemSpans(seq: YAMLSeq): Span[] {
  return seq.items.map((item) => [rangeOf(item)[0], rangeOf(item)[1]]);
}

function pairSpans(map: YAMLMap): Span[] {
  return map.items.map((pair) => [
    rangeOf(pair.key)[0],
    pair.value === null ? rangeOf(pair.key)[1] : rangeOf(pair.value)[1],
  ]);
}

function appendFlowItems(seq: YAMLSeq, added: readonly string[]): Splice {
  return appendFlow(itemSpans(seq), rangeOf(seq)[0] + 1, added);
}

// A new top-level key: a line at the end of a block mapping, a pair at the end of a flow one.
function addKey(root: YAMLMap, pair: string, text: string, eol: string): Splice {
  return root.flow
    ? appendFlow(pairSpans(root), rangeOf(root)[0] + 1, [pair])
    : insertLines(text, rangeOf(root)[2] || text.length, [pair], eol);
}

// A top-level key: its lines in a block mapping, its pair in a flow one.
function removeKey(root: YAMLMap, key: string, text: string): Splice[] {
  const index = root.items.findIndex((item) => isScalar(item.key) && item.key.value === key);
  const pair = root.items[index];
  if (pair === undefined) return [];
  if (root.flow)
    return removeFlow(
      pairSpans(root),
      root.items.map((_, at) => at === index),
    );
  return [
    wholeLines(
      text,
      rangeOf(pair.key)[0],
      pair.value === null ? rangeOf(pair.key)[1] : contentEnd(pair.value),
    ),
  ];
}

/**
 * Removes the items `isRemoved` picks. A flow item goes with the separator before it (or, for a
 * leading run, up to the first item kept), which undoes appendFlow. A block item goes with
 * its lines, from its dash to its last value (comments after it stay: they may be the user's); a
 * block list left empty becomes `[]`, since a key with no value is not a list.
 */
function removeItems(
  seq: YAMLSeq,
  isRemoved: (item: unknown) => boolean,
  text: string,
  keyEnd: number,
): Splice[] {
  const removed = seq.items.map(isRemoved);
  if (!removed.includes(true)) return [];
  if (!seq.flow) {
    if (removed.every(Boolean)) return [emptyBlockList(seq, text, keyEnd)];
    return seq.items
      .filter((_, index) => removed[index])
      .map((item) => wholeLines(text, dashBefore(text, rangeOf(item)[0]), contentEnd(item)));
  }
  return removeFlow(itemSpans(seq), removed);
}

// A block list's lines, from its key's colon to the end of its last line (its break stays), replaced by ` []`.
function emptyBlockList(seq: YAMLSeq, text: string, keyEnd: number): Splice {
  const colon = text.indexOf(':', keyEnd);
  const newline = text.indexOf('\n', Math.max(colon, contentEnd(seq) - 1));
  const end = newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  return { at: colon + 1, end, text: ' []' };
}

// Where a node's own content ends: a block collection's range runs on over the comment lines
// after it, so this follows its last item down to a scalar or a flow collection.
function contentEnd(node: unknown): number {
  if (isMap(node) && !node.flow) {
    const pair = node.items.at(-1);
    return pair === undefined
      ? rangeOf(node)[1]
      : Math.max(rangeOf(pair.key)[1], pair.value === null ? 0 : contentEnd(pair.value));
  }
  if (isSeq(node) && !node.flow && node.items.length > 0) return contentEnd(node.items.at(-1));
  return rangeOf(node)[1];
}

function keyOf(map: YAMLMap, key: string): unknown {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key)?.key;
}

function keyEnd(map: YAMLMap, key: string): number {
  return rangeOf(keyOf(map, key))[1];
}

// The `-` of the block item starting at `offset` (on its line, before it).
function dashBefore(text: string, offset: number): number {
  const dash = text.lastIndexOf('-', offset);
  return dash >= lineStart(text, offset) ? dash : offset;
}
