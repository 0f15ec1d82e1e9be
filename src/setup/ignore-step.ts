// Setup's `.gitignore` step, for a project setup gives its first package.json (`--yes`, a Python
// project): `npm install` then makes node_modules, and the README's `git add -A` must not commit
// it. The line is added only when git does not ignore node_modules already.
import { addAttributeLines } from '../core/edits/gitattributes.js';
import { NODE_MODULES_LINE } from '../core/edits/setup-record.js';
import type { Git } from '../git/simple-git-port.js';
import { SetupMessages } from '../messages/git-integration.js';
import { type FileEdit, readForEdit } from './file-edits.js';

/** The ignore file setup edits, at the top level. */
export const IGNORE_FILE = '.gitignore';

/**
 * The `.gitignore` edit adding `node_modules/` when git would not ignore `<package>/node_modules`,
 * and the lines it adds (for the setup record); no edit otherwise.
 */
export async function planIgnore(
  git: Git,
  topLevel: string,
  packageRelative: string,
): Promise<{ edit: FileEdit | undefined; added: string[] }> {
  const modules = packageRelative === '' ? 'node_modules/' : `${packageRelative}/node_modules/`;
  if (await ignored(git, modules)) return { edit: undefined, added: [] };
  const target = readForEdit(topLevel, IGNORE_FILE);
  // Whole lines in, whole lines out: the same line edit .gitattributes gets.
  const { text, added } = addAttributeLines(target.before ?? '', [NODE_MODULES_LINE]);
  return { edit: { ...target, after: text, summary: SetupMessages.ignoreAdded(added) }, added };
}

// `check-ignore -v -n` prints `::<TAB>path` for a path no pattern matches, and the pattern
// otherwise (`!…` when a pattern un-ignores it); --no-index: node_modules need not exist yet.
async function ignored(git: Git, path: string): Promise<boolean> {
  const output = await git.run(['check-ignore', '--no-index', '-v', '-n', path]);
  const source = output.split('\t')[0] ?? '';
  const pattern = source.split(':').slice(2).join(':');
  return source !== '::' && source !== '' && !pattern.startsWith('!');
}
