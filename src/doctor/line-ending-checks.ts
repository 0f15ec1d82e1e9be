// Line endings of the husky hook files that hold our block: husky runs them with `sh`, which
// fails on CRLF, and `core.autocrlf=true` (Git for Windows' default) checks them out with CRLF
// unless `.gitattributes` keeps them LF, as setup's `<file> text eol=lf` lines do.
import path from 'node:path';

import { lfAttributeLineFor } from '../core/edits/gitattributes.js';
import { HOOK_BLOCK_BEGIN } from '../core/edits/hook-block.js';
import type { Finding } from '../core/findings.js';
import { readTextIfExists } from '../fs/atomic-write.js';
import { checkAttribute } from '../git/repository.js';
import { huskyHookFiles } from '../husky/husky.js';
import { DoctorMessages } from '../messages/git-integration.js';
import type { DoctorContext } from './doctor-context.js';
import { finding } from './driver-checks.js';

/** GA314 (a hook file with CRLF) and GA315 (a hook file `.gitattributes` does not keep LF). */
export async function lineEndingFindings(context: DoctorContext): Promise<Finding[]> {
  const hookFiles = hookFilesWithBlock(context.project.topLevel, context.huskyDirectory);
  const pinned = await keptLf(
    context,
    hookFiles.map((hookFile) => hookFile.relative),
  );
  return hookFiles.flatMap(({ relative, text }): Finding[] => {
    const locations = [{ file: relative }];
    const eol = pinned.get(relative);
    return [
      ...(text.includes('\r\n')
        ? [
            {
              ...finding(
                'GA314',
                DoctorMessages.hookFileCrlf(relative),
                DoctorMessages.crlfFix(relative, eol === undefined),
              ),
              locations,
            },
          ]
        : []),
      ...(eol === undefined
        ? []
        : [
            {
              ...finding(
                'GA315',
                DoctorMessages.hookFileNotPinned(relative, eol),
                DoctorMessages.pinFix(lfAttributeLineFor(relative)),
              ),
              locations,
            },
          ]),
    ];
  });
}

// Every file of the husky directory (its `_` runtime aside) that holds our block, with its text.
function hookFilesWithBlock(
  topLevel: string,
  huskyDirectory: string,
): { relative: string; text: string }[] {
  return huskyHookFiles(topLevel, huskyDirectory).flatMap((relative) => {
    const text = readTextIfExists(path.join(topLevel, ...relative.split('/')));
    return text?.split(/\r?\n/).includes(HOOK_BLOCK_BEGIN) ? [{ relative, text }] : [];
  });
}

// For each path git does not keep LF, the eol value git reports; kept-LF paths are left out.
// `eol=lf` keeps a file LF unless `-text` (or `binary`) turns conversion off for it.
async function keptLf(
  context: DoctorContext,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const [eol, text] = await Promise.all([
    checkAttribute(context.project.git, 'eol', paths),
    checkAttribute(context.project.git, 'text', paths),
  ]);
  const notKept = new Map<string, string>();
  for (const relative of paths) {
    const value = eol.get(relative) ?? 'unspecified';
    if (value !== 'lf' || text.get(relative) === 'unset') notKept.set(relative, value);
  }
  return notKept;
}
