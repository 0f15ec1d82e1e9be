// What uninstall does to files: our blocks out of the husky hook files, our lines out of
// .gitattributes, our additions and the record out of package.json, and the files setup created
// deleted once nothing but our content is left in them.
import path from 'node:path';

import { removeAttributeLines } from '../core/edits/gitattributes.js';
import { removeHookBlock } from '../core/edits/hook-block.js';
import { removeSetupFromPackageJson } from '../core/edits/package-json.js';
import { removeSetupRecord, type SetupRecord } from '../core/edits/setup-record.js';
import { parseHeadsFile } from '../core/heads/heads-file.js';
import { splitLines } from '../core/edits/line-endings.js';
import { huskyHookFiles } from '../husky/husky.js';
import { SetupMessages } from '../messages/git-integration.js';
import { configText, type ListedEnvironment, SETUP_CONFIG_FILE } from './config-step.js';
import { type FileEdit, readForEdit } from './file-edits.js';
import { ATTRIBUTES_FILE } from './heads-step.js';
import { IGNORE_FILE } from './ignore-step.js';
import { minimalPackageJson } from './package-step.js';

// The shape of every line setup writes: one pattern (bare or "quoted"), then our attribute only.
const OUR_ATTRIBUTE_LINE = /^(?:"(?:[^"\\]|\\.)*"|\S+) merge=git-alembic$/;

/** Our block out of every file in the husky directory (`_` aside). */
export function planHookFileRemoval(
  topLevel: string,
  huskyDirectory: string,
  record: SetupRecord,
): FileEdit[] {
  return huskyHookFiles(topLevel, huskyDirectory).flatMap((relative) => {
    const target = readForEdit(topLevel, relative);
    const { text, changed } = removeHookBlock(target.before ?? '', target.relative);
    if (!changed) return [];
    const remove = text === '' && record.files.includes(target.relative);
    return [
      {
        ...target,
        after: remove ? undefined : text,
        summary: remove ? SetupMessages.FILE_DELETED : SetupMessages.BLOCK_REMOVED,
      },
    ];
  });
}

/**
 * Our lines out of `.gitattributes`: every merge line of our exact shape, whichever path it names,
 * and the LF pins the record says setup added (a user's identical line, there before, stays).
 */
export function planAttributesRemoval(topLevel: string, record: SetupRecord): FileEdit[] {
  return planLineRemoval(topLevel, ATTRIBUTES_FILE, record, (before) => [
    ...splitLines(before)
      .map((line) => line.content.trim())
      .filter((line) => OUR_ATTRIBUTE_LINE.test(line)),
    ...(record.attributes ?? []),
  ]);
}

/** The lines the record says setup added to `.gitignore`; the file goes when setup created it and nothing else is left. */
export function planIgnoreRemoval(topLevel: string, record: SetupRecord): FileEdit[] {
  return planLineRemoval(topLevel, IGNORE_FILE, record, () => record.ignores ?? []);
}

// The lines `ours` picks out of the file's text removed, or the file deleted when setup created it
// and nothing else is left; no edit when none of them is there.
function planLineRemoval(
  topLevel: string,
  relative: string,
  record: SetupRecord,
  ours: (before: string) => readonly string[],
): FileEdit[] {
  const target = readForEdit(topLevel, relative);
  if (target.before === undefined) return [];
  const lines = ours(target.before);
  if (lines.length === 0) return [];
  const { text, removed } = removeAttributeLines(target.before, lines);
  if (removed.length === 0) return [];
  const remove = text === '' && record.files.includes(target.relative);
  return [
    {
      ...target,
      after: remove ? undefined : text,
      summary: remove ? SetupMessages.FILE_DELETED : SetupMessages.attributesRemoved(removed),
    },
  ];
}

/** package.json without the record and without what it says setup added. */
export function planPackageJsonRemoval(
  topLevel: string,
  relative: string,
  record: SetupRecord,
): FileEdit[] {
  const target = readForEdit(topLevel, relative);
  if (target.before === undefined) return [];
  const withoutRecord = removeSetupRecord(target.before, relative);
  const { text } = removeSetupFromPackageJson(withoutRecord, record, relative);
  if (text === target.before) return [];
  const remove =
    record.files.includes(relative) && text === minimalPackageJson(path.dirname(target.file));
  return [
    {
      ...target,
      after: remove ? undefined : text,
      summary: remove ? SetupMessages.FILE_DELETED : SetupMessages.PACKAGE_RESTORED,
    },
  ];
}

/** The heads files and config file setup created, when they still hold only what setup writes. */
export function planCreatedFileRemoval(
  topLevel: string,
  record: SetupRecord,
  handled: readonly string[],
): FileEdit[] {
  return record.files
    .filter((relative) => !handled.includes(relative))
    .flatMap((relative) => {
      const target = readForEdit(topLevel, relative);
      if (target.before === undefined || !onlyOurs(relative, target.before)) return [];
      return [{ ...target, after: undefined, summary: SetupMessages.FILE_DELETED }];
    });
}

// A heads file that reads as one, or the config exactly as setup writes it.
function onlyOurs(relative: string, text: string): boolean {
  if (relative === SETUP_CONFIG_FILE) {
    try {
      const value = JSON.parse(text) as { environments?: unknown };
      return (
        Object.keys(value).join() === 'environments' &&
        Array.isArray(value.environments) &&
        configText(value.environments as ListedEnvironment[]) === text
      );
    } catch {
      // Not JSON any more: the user's file now.
      return false;
    }
  }
  return parseHeadsFile(text).kind === 'ok';
}
