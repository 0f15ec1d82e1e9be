// Our step in the `prepare` script, which npm runs after every install: chained after the
// user's own command with ` && `, so both run and a failure of theirs still stops the install.
// The step is one `node -e` line, not our binary: a production install (`npm ci --omit=dev`)
// has no git-alembic, and the import that fails then is caught, so the install succeeds; npm
// runs scripts with cmd.exe on Windows, so the line is written in what sh and cmd.exe both read.
// The step's text, like every text we write into a user's file, is in src/messages/edits.ts.
import { EARLIER_PREPARE_STEPS, PREPARE_STEP } from '../../messages/edits.js';
import {
  detectLayout,
  formatObject,
  insertMember,
  memberIndent,
  removeMember,
  splice,
} from './json-edits.js';
import {
  objectMember,
  readPackageRoot,
  removeEmptyTopLevelObject,
  stringMember,
} from './package-json-members.js';

export { EARLIER_PREPARE_STEPS, PREPARE_STEP };
const CHAIN = ' && ';

// The step as it appears between the quotes of the JSON string.
const RAW_STEP = JSON.stringify(PREPARE_STEP).slice(1, -1);
const RAW_STEPS = [
  RAW_STEP,
  ...EARLIER_PREPARE_STEPS.map((step) => JSON.stringify(step).slice(1, -1)),
];

/** How setup put its step into `prepare`: a new entry, chained onto the user's command, or not at all. */
export type PrepareChange = 'member' | 'chained' | 'none';

/**
 * The result of adding or removing our step; `createdScripts` when the `scripts` object itself
 * came or went, `upgraded` when an earlier version's step was replaced by this one.
 */
export interface PrepareEdit {
  readonly text: string;
  readonly prepare: PrepareChange;
  readonly createdScripts: boolean;
  readonly upgraded?: boolean;
}

// Dependency sections a new `scripts` object goes before (npm init's order).
const DEPENDENCY_KEYS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** Adds our step to `scripts.prepare` unless one of its `&&` segments already is our step. */
export function addPrepareStep(text: string, fileName: string): PrepareEdit {
  const root = readPackageRoot(text, fileName);
  const layout = detectLayout(text, root);
  const scripts = objectMember(text, root, 'scripts', fileName);
  if (scripts === undefined) {
    const value = formatObject(
      [['prepare', JSON.stringify(PREPARE_STEP)]],
      layout,
      memberIndent(text, root, layout),
    );
    const before = root.members.findIndex((member) => DEPENDENCY_KEYS.includes(member.key));
    const edited = insertMember(
      text,
      root,
      before === -1 ? root.members.length : before,
      'scripts',
      value,
      layout,
    );
    return { text: edited, prepare: 'member', createdScripts: true };
  }
  const prepare = stringMember(text, scripts, 'prepare', fileName);
  if (prepare === undefined) {
    const edited = insertMember(
      text,
      scripts,
      scripts.members.length,
      'prepare',
      JSON.stringify(PREPARE_STEP),
      layout,
    );
    return { text: edited, prepare: 'member', createdScripts: false };
  }
  const command = prepare.value.value;
  if (command.split('&&').some((segment) => segment.trim() === PREPARE_STEP))
    return { text, prepare: 'none', createdScripts: false };
  const { start, end } = prepare.value;
  const upgraded = replaceEarlierStep(text.slice(start + 1, end - 1));
  if (upgraded !== undefined)
    return {
      text: splice(text, start + 1, end - 1, upgraded),
      prepare: 'none',
      createdScripts: false,
      upgraded: true,
    };
  // Appending to the raw literal keeps the user's own escapes.
  const literal =
    command.trim() === ''
      ? JSON.stringify(PREPARE_STEP)
      : `${text.slice(start, end - 1)}${CHAIN}${RAW_STEP}"`;
  return { text: splice(text, start, end, literal), prepare: 'chained', createdScripts: false };
}

/**
 * Takes our step out of `prepare` when it is there as setup wrote it. An entry setup added
 * goes when nothing else is left in it, and so does a `scripts` object setup created.
 */
export function removePrepareStep(
  text: string,
  added: PrepareChange,
  createdScripts: boolean,
  fileName: string,
): PrepareEdit {
  const unchanged: PrepareEdit = { text, prepare: 'none', createdScripts: false };
  const root = readPackageRoot(text, fileName);
  const scripts = objectMember(text, root, 'scripts', fileName);
  const prepare =
    scripts === undefined ? undefined : stringMember(text, scripts, 'prepare', fileName);
  if (added === 'none' || scripts === undefined || prepare === undefined) return unchanged;
  const remaining = withoutStep(text.slice(prepare.value.start + 1, prepare.value.end - 1));
  if (remaining === undefined) return unchanged;
  if (remaining !== '' || added === 'chained') {
    return {
      text: splice(text, prepare.value.start + 1, prepare.value.end - 1, remaining),
      prepare: added,
      createdScripts: false,
    };
  }
  const edited = removeMember(text, scripts, scripts.members.indexOf(prepare));
  const emptied = createdScripts
    ? removeEmptyTopLevelObject(edited, 'scripts', fileName)
    : undefined;
  return { text: emptied ?? edited, prepare: 'member', createdScripts: emptied !== undefined };
}

// The raw script text with an earlier version's step replaced by ours (where it stood, so the
// record of how it got there stays true), or undefined when there is none.
function replaceEarlierStep(inner: string): string | undefined {
  const segments = inner.split(CHAIN);
  const index = segments.findIndex((segment) => RAW_STEPS.slice(1).includes(segment));
  if (index === -1) return undefined;
  segments[index] = RAW_STEP;
  return segments.join(CHAIN);
}

// The raw script text without our segment (this version's or an earlier one's), or undefined
// when it is not there as we write it.
function withoutStep(inner: string): string | undefined {
  for (const step of RAW_STEPS) {
    if (inner === step) return '';
    if (inner.endsWith(CHAIN + step)) return inner.slice(0, -(CHAIN + step).length);
    if (inner.startsWith(step + CHAIN)) return inner.slice((step + CHAIN).length);
    const middle = CHAIN + step + CHAIN;
    if (inner.includes(middle)) return inner.replace(middle, CHAIN);
  }
  return undefined;
}
