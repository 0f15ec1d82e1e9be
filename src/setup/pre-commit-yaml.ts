// Reading a project's `.pre-commit-config.yaml` with the `yaml` library, which keeps every node's
// source range: setup and uninstall splice text at those ranges (pre-commit-config.ts), doctor
// reads what is configured (inspectPreCommitConfig). Loaded only by setup, uninstall and doctor.
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

import { lineAt } from '../core/revision-file/python-syntax-error.js';
import {
  DEFAULT_HOOK_TYPES,
  HOOK_TYPES_KEY,
  OUR_HOOK_IDS,
} from '../core/setup/pre-commit-hooks.js';
import { InputError } from '../errors.js';
import { PreCommitConfigMessages } from '../messages/pre-commit.js';

/** A node's source range: [start, value end, node end (trailing comments included)]. */
export function rangeOf(node: unknown): readonly [number, number, number] {
  const range = (node as Node | undefined)?.range;
  return range === undefined || range === null ? [0, 0, 0] : range;
}

/** The parsed config. @throws InputError naming the file and line for YAML that does not parse. */
export function parseConfig(text: string, fileName: string): Document {
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const [error] = document.errors;
  if (error !== undefined)
    throw new InputError(
      { file: fileName, line: error.linePos?.[0].line ?? 1 },
      PreCommitConfigMessages.invalidYaml(error.message.split('\n')[0] ?? ''),
    );
  return document;
}

/** The top-level mapping. @throws InputError when the top level is something else. */
export function rootMap(document: Document, fileName: string): YAMLMap {
  if (!isMap(document.contents))
    throw new InputError({ file: fileName, line: 1 }, PreCommitConfigMessages.NOT_A_MAP);
  return document.contents;
}

/** `repos:`. @throws InputError when it is not a list. */
export function reposOf(document: Document, fileName: string): YAMLSeq {
  const repos = rootMap(document, fileName).get('repos', true);
  if (!isSeq(repos))
    throw new InputError({ file: fileName, line: 1 }, PreCommitConfigMessages.NO_REPOS);
  return repos;
}

/** The hook ids of a repo entry (`hooks:` items' `id`), in order. */
export function hookIdsOf(entry: unknown): string[] {
  const hooks = isMap(entry) ? entry.get('hooks', true) : undefined;
  if (!isSeq(hooks)) return [];
  return hooks.items.flatMap((hook) => {
    const id = isMap(hook) ? hook.get('id') : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

/** The entry whose hooks include our first id, whatever its `repo:` (a fork, a mirror, a path); -1 for none. */
export function ourEntryIndex(repos: YAMLSeq): number {
  return repos.items.findIndex((item) => hookIdsOf(item).includes(OUR_HOOK_IDS[0]));
}

/** Whether the config has a repo entry with our hook. @throws InputError for YAML that is not a pre-commit config. */
export function hasOurEntry(text: string, fileName: string): boolean {
  return ourEntryIndex(reposOf(parseConfig(text, fileName), fileName)) !== -1;
}

/** The strings of a list of hook types. @throws InputError naming the line when it is not one. */
export function stringsOf(node: unknown, text: string, fileName: string): string[] {
  if (
    !isSeq(node) ||
    !node.items.every((item) => isScalar(item) && typeof item.value === 'string')
  ) {
    throw new InputError(
      { file: fileName, line: lineAt(text, rangeOf(node)[0]) },
      PreCommitConfigMessages.TYPES_NOT_A_LIST,
    );
  }
  return node.items.map((item) => String((item as { value: unknown }).value));
}

/** What doctor needs of a config: our entry as written, and the hook types `pre-commit install` installs. */
export interface ConfiguredHooks {
  /** Our entry: the one with our first hook id, else one whose `repo:` or hook ids name git-alembic. */
  readonly entry:
    | {
        readonly line: number;
        readonly ids: readonly string[];
        readonly stages: Readonly<Record<string, readonly string[]>>;
      }
    | undefined;
  /** `default_install_hook_types`, or what pre-commit installs without it. */
  readonly hookTypes: readonly string[];
}

/** Reads our entry and the hook types. @throws InputError naming the file and line. */
export function inspectPreCommitConfig(text: string, fileName: string): ConfiguredHooks {
  const document = parseConfig(text, fileName);
  const types = rootMap(document, fileName).get(HOOK_TYPES_KEY, true);
  const hookTypes = types === undefined ? DEFAULT_HOOK_TYPES : stringsOf(types, text, fileName);
  const repos = reposOf(document, fileName);
  const index = ourEntryIndex(repos);
  const entry = index !== -1 ? repos.items[index] : repos.items.find(namesUs);
  if (entry === undefined) return { entry: undefined, hookTypes };
  return {
    entry: {
      line: lineAt(text, rangeOf(entry)[0]),
      ids: hookIdsOf(entry),
      stages: stagesOf(entry),
    },
    hookTypes,
  };
}

// An entry meant to be ours whose hook ids are wrong: its repo is named git-alembic, or an id starts so.
function namesUs(entry: unknown): boolean {
  return (
    repositoryName(isMap(entry) ? entry.get('repo') : undefined) === OUR_HOOK_IDS[0] ||
    hookIdsOf(entry).some((id) => id.startsWith(OUR_HOOK_IDS[0]))
  );
}

// The last path segment of a `repo:` URL or path, without `.git`.
function repositoryName(repo: unknown): string {
  if (typeof repo !== 'string') return '';
  let end = repo.length;
  while (end > 0 && repo[end - 1] === '/') end -= 1;
  const last = repo.slice(0, end).split(/[/:]/).pop() ?? '';
  return last.endsWith('.git') ? last.slice(0, -4) : last;
}

// The `stages:` each hook of the entry sets for itself (those without keep the manifest's).
function stagesOf(entry: unknown): Record<string, readonly string[]> {
  const hooks = isMap(entry) ? entry.get('hooks', true) : undefined;
  const stages: Record<string, readonly string[]> = {};
  for (const hook of isSeq(hooks) ? hooks.items : []) {
    const id = isMap(hook) ? hook.get('id') : undefined;
    const listed = isMap(hook) ? hook.get('stages', true) : undefined;
    if (typeof id === 'string' && isSeq(listed))
      stages[id] = listed.items.map((item) => String(isScalar(item) ? item.value : ''));
  }
  return stages;
}
