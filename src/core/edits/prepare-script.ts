// Our step in the `prepare` script, which npm runs after every install: chained after the
// user's own command with ` && `, so both run and a failure of theirs still stops the install.
import { detectLayout, formatObject, insertMember, memberIndent, removeMember, splice } from './json-edits.js';
import { objectMember, readPackageRoot, removeEmptyTopLevelObject, stringMember } from './package-json-members.js';

/** The one segment setup puts into the `prepare` script. */
export const PREPARE_STEP = 'git-alembic setup --prepare';
const CHAIN = ' && ';

/** How setup put its step into `prepare`: a new entry, chained onto the user's command, or not at all. */
export type PrepareChange = 'member' | 'chained' | 'none';

/** The result of adding or removing our step; `createdScripts` when the `scripts` object itself came or went. */
export interface PrepareEdit {
  readonly text: string;
  readonly prepare: PrepareChange;
  readonly createdScripts: boolean;
}

// Dependency sections a new `scripts` object goes before (npm init's order).
const DEPENDENCY_KEYS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Adds our step to `scripts.prepare` unless one of its `&&` segments already is our step. */
export function addPrepareStep(text: string, fileName: string): PrepareEdit {
  const root = readPackageRoot(text, fileName);
  const layout = detectLayout(text, root);
  const scripts = objectMember(text, root, 'scripts', fileName);
  if (scripts === undefined) {
    const value = formatObject([['prepare', JSON.stringify(PREPARE_STEP)]], layout, memberIndent(text, root, layout));
    const before = root.members.findIndex((member) => DEPENDENCY_KEYS.includes(member.key));
    const edited = insertMember(text, root, before === -1 ? root.members.length : before, 'scripts', value, layout);
    return { text: edited, prepare: 'member', createdScripts: true };
  }
  const prepare = stringMember(text, scripts, 'prepare', fileName);
  if (prepare === undefined) {
    const edited = insertMember(text, scripts, scripts.members.length, 'prepare', JSON.stringify(PREPARE_STEP), layout);
    return { text: edited, prepare: 'member', createdScripts: false };
  }
  const command = prepare.value.value;
  if (command.split('&&').some((segment) => segment.trim() === PREPARE_STEP)) return { text, prepare: 'none', createdScripts: false };
  const { start, end } = prepare.value;
  // Appending to the raw literal keeps the user's own escapes; our text needs none.
  const literal = command.trim() === '' ? JSON.stringify(PREPARE_STEP) : `${text.slice(start, end - 1)}${CHAIN}${PREPARE_STEP}"`;
  return { text: splice(text, start, end, literal), prepare: 'chained', createdScripts: false };
}

/**
 * Takes our step out of `prepare` when it is there as setup wrote it. An entry setup added
 * goes when nothing else is left in it, and so does a `scripts` object setup created.
 */
export function removePrepareStep(text: string, added: PrepareChange, createdScripts: boolean, fileName: string): PrepareEdit {
  const unchanged: PrepareEdit = { text, prepare: 'none', createdScripts: false };
  const root = readPackageRoot(text, fileName);
  const scripts = objectMember(text, root, 'scripts', fileName);
  const prepare = scripts === undefined ? undefined : stringMember(text, scripts, 'prepare', fileName);
  if (added === 'none' || scripts === undefined || prepare === undefined) return unchanged;
  const remaining = withoutStep(text.slice(prepare.value.start + 1, prepare.value.end - 1));
  if (remaining === undefined) return unchanged;
  if (remaining !== '' || added === 'chained') {
    return { text: splice(text, prepare.value.start + 1, prepare.value.end - 1, remaining), prepare: added, createdScripts: false };
  }
  const edited = removeMember(text, scripts, scripts.members.indexOf(prepare));
  const emptied = createdScripts ? removeEmptyTopLevelObject(edited, 'scripts', fileName) : undefined;
  return { text: emptied ?? edited, prepare: 'member', createdScripts: emptied !== undefined };
}

// The raw script text without our segment, or undefined when it is not there as we write it.
function withoutStep(inner: string): string | undefined {
  if (inner === PREPARE_STEP) return '';
  if (inner.endsWith(CHAIN + PREPARE_STEP)) return inner.slice(0, -(CHAIN + PREPARE_STEP).length);
  if (inner.startsWith(PREPARE_STEP + CHAIN)) return inner.slice((PREPARE_STEP + CHAIN).length);
  const middle = CHAIN + PREPARE_STEP + CHAIN;
  return inner.includes(middle) ? inner.replace(middle, CHAIN) : undefined;
}
