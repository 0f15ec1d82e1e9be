// Our entry in a project's `.pre-commit-config.yaml`, and our hook types in its
// `default_install_hook_types`. The file is the user's: the `yaml` library parses it (with
// every node's source range) and we splice text at those ranges, so every byte we do not add
// stays as it was, comments, quoting and the indentation style included. New lines copy the
// style of the entries already there. Removal takes out exactly what we added.
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

import { InputError } from '../errors.js';
import { PreCommitConfigMessages } from '../messages/pre-commit.js';
import { detectEol } from '../core/edits/line-endings.js';

/** The hook ids this package's .pre-commit-hooks.yaml defines; the first finds our entry. */
export const OUR_HOOK_IDS = ['git-alembic', 'git-alembic-post-commit'] as const;
/** The git hooks those run in, as `pre-commit install --hook-type` names them. */
export const OUR_HOOK_TYPES = ['pre-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'post-commit'] as const;
/** What pre-commit installs when `default_install_hook_types` is absent. */
const DEFAULT_HOOK_TYPES = ['pre-commit'];
const TYPES_KEY = 'default_install_hook_types';

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

/** What removal takes out: what adding said it added. */
export interface PreCommitRemoval {
  readonly entry: boolean;
  readonly hookTypes: readonly string[];
  readonly hookTypesKey: boolean;
}

interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/** A new config holding just our entry and hook types. */
export function newPreCommitConfig(entry: RepoEntry): string {
  return [`${TYPES_KEY}: [${OUR_HOOK_TYPES.join(', ')}]`, 'repos:', ...entryLines(entry, { dash: 2, key: 4, hookDash: 6, hookKey: 8 }), ''].join('\n');
}

/** Whether the config has a repo entry with our hook. @throws InputError for YAML that is not a pre-commit config. */
export function hasOurEntry(text: string, fileName: string): boolean {
  return ourEntryIndex(reposOf(parse(text, fileName), fileName)) !== -1;
}

/** Adds our entry (unless one is there) and our hook types. @throws InputError naming the file and line. */
export function addToPreCommitConfig(original: string, entry: RepoEntry, fileName: string): PreCommitAddition {
  const eol = detectEol(original);
  // New lines go after the last one, which therefore needs its line break.
  const text = original === '' || original.endsWith('\n') ? original : `${original}${eol}`;
  const document = parse(text, fileName);
  const root = rootMap(document, fileName);
  const repos = reposOf(document, fileName);
  const splices: Splice[] = [];
  const entryAdded = ourEntryIndex(repos) === -1;
  const types = root.get(TYPES_KEY, true);
  const present = types === undefined ? DEFAULT_HOOK_TYPES : stringsOf(types, text, fileName);
  const hookTypesAdded = OUR_HOOK_TYPES.filter((type) => !present.includes(type));
  // Same offset: the later splice's text ends up first, so the hook types go after the entry.
  if (types === undefined) splices.push(insertLine(text, root.range?.[1] ?? text.length, `${TYPES_KEY}: [${[...DEFAULT_HOOK_TYPES, ...hookTypesAdded].join(', ')}]`, eol));
  else if (hookTypesAdded.length > 0 && isSeq(types)) splices.push(appendItems(types, hookTypesAdded, text, eol));
  if (entryAdded) splices.push(appendEntry(repos, entry, text, eol));
  const added = apply(text, splices);
  return { text: added === text ? original : added, entryAdded, hookTypesAdded, hookTypesKeyAdded: types === undefined };
}

/** Removes what `removal` names; the rest of the file stays byte for byte. */
export function removeFromPreCommitConfig(text: string, removal: PreCommitRemoval, fileName: string): { text: string; changed: boolean } {
  const document = parse(text, fileName);
  const root = rootMap(document, fileName);
  const splices: Splice[] = [];
  const types = root.get(TYPES_KEY, true);
  if (isSeq(types) && removal.hookTypes.length > 0) {
    const kept = stringsOf(types, text, fileName).filter((type) => !removal.hookTypes.includes(type));
    const pair = root.items.find((item) => isScalar(item.key) && item.key.value === TYPES_KEY);
    const keyStart = isScalar(pair?.key) ? (pair.key.range?.[0] ?? 0) : 0;
    if (removal.hookTypesKey && kept.join() === DEFAULT_HOOK_TYPES.join()) splices.push(wholeLines(text, keyStart, types.range?.[1] ?? keyStart));
    else splices.push(...removeItems(types, removal.hookTypes, text));
  }
  if (removal.entry) {
    const repos = reposOf(document, fileName);
    const index = ourEntryIndex(repos);
    const item = repos.items[index];
    if (index !== -1 && isMap(item)) splices.push(repos.flow ? flowItemRemoval(repos, index) : wholeLines(text, dashBefore(text, item.range?.[0] ?? 0), item.range?.[1] ?? 0));
  }
  const after = apply(text, splices);
  return { text: after, changed: after !== text };
}

function parse(text: string, fileName: string): Document {
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const [error] = document.errors;
  if (error !== undefined) throw new InputError({ file: fileName, line: error.linePos?.[0].line ?? 1 }, PreCommitConfigMessages.invalidYaml(error.message.split('\n')[0] ?? ''));
  return document;
}

function rootMap(document: Document, fileName: string): YAMLMap {
  if (!isMap(document.contents)) throw new InputError({ file: fileName, line: 1 }, PreCommitConfigMessages.NOT_A_MAP);
  return document.contents;
}

function reposOf(document: Document, fileName: string): YAMLSeq {
  const repos = rootMap(document, fileName).get('repos', true);
  if (!isSeq(repos)) throw new InputError({ file: fileName, line: 1 }, PreCommitConfigMessages.NO_REPOS);
  return repos;
}

// The entry whose hooks include our first id, whatever its `repo:` (a fork, a mirror, a path).
function ourEntryIndex(repos: YAMLSeq): number {
  return repos.items.findIndex((item) => {
    const hooks = isMap(item) ? item.get('hooks', true) : undefined;
    return isSeq(hooks) && hooks.items.some((hook) => isMap(hook) && hook.get('id') === OUR_HOOK_IDS[0]);
  });
}

function stringsOf(node: unknown, text: string, fileName: string): string[] {
  if (!isSeq(node) || !node.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
    throw new InputError({ file: fileName, line: lineOf(text, (node as { range?: number[] }).range?.[0] ?? 0) }, PreCommitConfigMessages.TYPES_NOT_A_LIST);
  }
  return node.items.map((item) => String((item as { value: unknown }).value));
}

// ---- Text positions and splices ----

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
    ...OUR_HOOK_IDS.map((id) => `${pad(style.hookDash)}-${pad(style.hookKey - style.hookDash - 1)}id: ${id}`),
  ];
}

// After the last entry, in the style of the entries there (pre-commit's own `-   repo:` or `  - repo:`).
function appendEntry(repos: YAMLSeq, entry: RepoEntry, text: string, eol: string): Splice {
  const last = repos.items.at(-1);
  if (repos.flow || !isMap(last)) {
    const close = (repos.range?.[1] ?? text.length) - 1;
    const separator = repos.items.length === 0 ? '' : ', ';
    const hooks = OUR_HOOK_IDS.map((id) => `{id: ${id}}`).join(', ');
    return { at: close, end: close, text: `${separator}{repo: ${entry.repo}, rev: ${entry.rev}, hooks: [${hooks}]}` };
  }
  const key = columnOf(text, last.range?.[0] ?? 0);
  const dash = columnOf(text, dashBefore(text, last.range?.[0] ?? 0));
  const hooks = last.get('hooks', true);
  const firstHook = isSeq(hooks) && !hooks.flow ? hooks.items[0] : undefined;
  const hookKey = isMap(firstHook) ? columnOf(text, firstHook.range?.[0] ?? 0) : key + 4;
  const hookDash = isMap(firstHook) ? columnOf(text, dashBefore(text, firstHook.range?.[0] ?? 0)) : key + 2;
  return insertLine(text, last.range?.[1] ?? text.length, entryLines(entry, { dash, key, hookDash, hookKey }).join(eol), eol);
}

function appendItems(types: YAMLSeq, added: readonly string[], text: string, eol: string): Splice {
  const last = types.items.at(-1);
  if (types.flow || last === undefined) {
    const close = (types.range?.[1] ?? text.length) - 1;
    return { at: close, end: close, text: `${types.items.length === 0 ? '' : ', '}${added.join(', ')}` };
  }
  const start = (last as { range?: number[] }).range?.[0] ?? 0;
  const dash = dashBefore(text, start);
  const prefix = text.slice(lineStart(text, dash), start);
  return insertLine(text, (last as { range?: number[] }).range?.[1] ?? start, added.map((type) => `${prefix}${type}`).join(eol), eol);
}

function removeItems(types: YAMLSeq, removed: readonly string[], text: string): Splice[] {
  const isRemoved = (item: unknown): boolean => isScalar(item) && removed.includes(String(item.value));
  if (types.flow) {
    const kept = types.items.filter((item) => !isRemoved(item)).map((item) => text.slice((item as { range?: number[] }).range?.[0] ?? 0, (item as { range?: number[] }).range?.[1] ?? 0));
    return [{ at: types.range?.[0] ?? 0, end: types.range?.[1] ?? 0, text: `[${kept.join(', ')}]` }];
  }
  return types.items.filter(isRemoved).map((item) => wholeLines(text, dashBefore(text, (item as { range?: number[] }).range?.[0] ?? 0), (item as { range?: number[] }).range?.[1] ?? 0));
}

// Item `index` of a flow sequence with the separator before it (or after it, for the first).
function flowItemRemoval(seq: YAMLSeq, index: number): Splice {
  const range = (at: number): number[] => (seq.items[at] as { range?: number[] } | undefined)?.range ?? [0, 0];
  if (seq.items.length === 1) return { at: (seq.range?.[0] ?? 0) + 1, end: (seq.range?.[1] ?? 1) - 1, text: '' };
  if (index === 0) return { at: range(0)[0] ?? 0, end: range(1)[0] ?? 0, text: '' };
  return { at: range(index - 1)[1] ?? 0, end: range(index)[1] ?? 0, text: '' };
}

// A new line after the line holding offset `after` (its last character when it ends a line).
function insertLine(text: string, after: number, line: string, eol: string): Splice {
  const end = lineEnd(text, Math.max(0, after - 1));
  return { at: end, end, text: `${line}${eol}` };
}

// The lines from the one holding `from` to the one holding the character before `to`, breaks included.
function wholeLines(text: string, from: number, to: number): Splice {
  return { at: lineStart(text, from), end: lineEnd(text, Math.max(from, to - 1)), text: '' };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

// The offset just past the line break that ends the line holding `offset` (or the end of text).
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

// The `-` of the sequence item starting at `offset` (on its line, before it).
function dashBefore(text: string, offset: number): number {
  const dash = text.lastIndexOf('-', offset);
  return dash >= lineStart(text, offset) ? dash : offset;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function apply(text: string, splices: readonly Splice[]): string {
  // Back to front, so earlier offsets stay valid; a stable sort keeps same-offset splices in order.
  return [...splices].sort((a, b) => b.at - a.at).reduce((result, splice) => result.slice(0, splice.at) + splice.text + result.slice(splice.end), text);
}
