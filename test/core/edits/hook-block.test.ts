import test from 'ava';
import { InputError } from '../../../src/errors.js';
import {
  findHookBlock,
  HOOK_BLOCK_BEGIN,
  HOOK_BLOCK_END,
  removeHookBlock,
  upsertHookBlock,
} from '../../../src/core/edits/hook-block.js';
import { HookBlockMessages } from '../../../src/messages/edits.js';

const FILE = '.husky/post-merge';
const BODY = 'git-alembic hook post-merge "$@"\n';
const OLD_BODY = 'git-alembic hook post-merge\nexit 0\n';
const block = (eol = '\n', body = BODY): string =>
  [HOOK_BLOCK_BEGIN, ...body.replace(/\n$/, '').split('\n'), HOOK_BLOCK_END].join(eol);

// Laws for every file: upsert gives `expected`; upserting again changes nothing; removing
// restores the input; upsert→remove→upsert equals the first upsert; find returns the body.
const upserts = test.macro({
  exec(t, input: string, expected: string) {
    const first = upsertHookBlock(input, BODY, FILE);
    t.deepEqual(first, { text: expected, changed: true });
    t.deepEqual(
      upsertHookBlock(first.text, BODY, FILE),
      { text: expected, changed: false },
      'idempotent',
    );
    t.deepEqual(findHookBlock(first.text, FILE), { body: BODY });
    const removed = removeHookBlock(first.text, FILE);
    t.deepEqual(removed, { text: input, changed: true }, 'remove restores the input');
    t.is(
      upsertHookBlock(removed.text, BODY, FILE).text,
      expected,
      'upsert→remove→upsert equals the first upsert',
    );
    t.deepEqual(
      removeHookBlock(input, FILE),
      { text: input, changed: false },
      'remove without a block is a no-op',
    );
    t.is(findHookBlock(input, FILE), undefined);
  },
  title: (title) => `upsert: ${title ?? ''}`,
});

test('a new (empty) file gets just the block', upserts, '', `${block()}\n`);
test('after user commands', upserts, 'npm test\n', `npm test\n${block()}\n`);
test('after user commands without a final newline', upserts, 'npm test', `npm test\n${block()}`);
test(
  'CRLF',
  upserts,
  'npm test\r\nnpx lint-staged\r\n',
  `npm test\r\nnpx lint-staged\r\n${block('\r\n')}\r\n`,
);
test(
  'CRLF without a final newline',
  upserts,
  'npm test\r\nnpx lint-staged',
  `npm test\r\nnpx lint-staged\r\n${block('\r\n')}`,
);
test('a shebang stays first', upserts, '#!/usr/bin/env sh\n', `#!/usr/bin/env sh\n${block()}\n`);
test('a shebang without a newline', upserts, '#!/bin/sh', `#!/bin/sh\n${block()}`);
test(
  'a husky v8 header and commands',
  upserts,
  '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpm test\n',
  `#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpm test\n${block()}\n`,
);
test('a lone newline', upserts, '\n', `\n${block()}\n`);
test(
  'a user line that mentions our marker inside a command',
  upserts,
  'echo "# >>> git-alembic"\n',
  `echo "# >>> git-alembic"\n${block()}\n`,
);

const replaces = test.macro({
  exec(t, input: string, expected: string) {
    t.deepEqual(upsertHookBlock(input, BODY, FILE), { text: expected, changed: true });
    t.deepEqual(upsertHookBlock(expected, BODY, FILE), { text: expected, changed: false });
  },
  title: (title) => `upgrade in place: ${title ?? ''}`,
});
test(
  'an outdated body between user lines',
  replaces,
  `a\n${block('\n', OLD_BODY)}\nb\n`,
  `a\n${block()}\nb\n`,
);
test(
  'an outdated body, CRLF',
  replaces,
  `a\r\n${block('\r\n', OLD_BODY)}\r\nb\r\n`,
  `a\r\n${block('\r\n')}\r\nb\r\n`,
);
test(
  'an outdated body at the end without a final newline',
  replaces,
  `a\n${block('\n', OLD_BODY)}`,
  `a\n${block()}`,
);
test(
  'an empty block is filled',
  replaces,
  `a\n${HOOK_BLOCK_BEGIN}\n${HOOK_BLOCK_END}\n`,
  `a\n${block()}\n`,
);
test(
  'a block first in the file',
  replaces,
  `${block('\n', OLD_BODY)}\nnpm test\n`,
  `${block()}\nnpm test\n`,
);
test(
  'markers with blanks around them are still ours',
  replaces,
  ` ${HOOK_BLOCK_BEGIN}  \nold\n${HOOK_BLOCK_END}\t\n`,
  ` ${HOOK_BLOCK_BEGIN}  \n${BODY}${HOOK_BLOCK_END}\t\n`,
);

test('a body given with CRLF is the same body', (t) => {
  const text = `${block()}\n`;
  t.deepEqual(upsertHookBlock(text, BODY.replace(/\n/g, '\r\n'), FILE), { text, changed: false });
});
test('a body without a final newline is the same body', (t) => {
  const text = `${block()}\n`;
  t.deepEqual(upsertHookBlock(text, BODY.trimEnd(), FILE), { text, changed: false });
});
test('a body ending in a blank line keeps it', (t) => {
  const text = upsertHookBlock('', 'a\n\n', FILE).text;
  t.is(text, `${HOOK_BLOCK_BEGIN}\na\n\n${HOOK_BLOCK_END}\n`);
  t.deepEqual(findHookBlock(text, FILE), { body: 'a\n\n' });
  t.false(upsertHookBlock(text, 'a\n\n', FILE).changed);
});
test('an empty body gives the markers alone', (t) => {
  t.is(upsertHookBlock('x\n', '', FILE).text, `x\n${HOOK_BLOCK_BEGIN}\n${HOOK_BLOCK_END}\n`);
  t.deepEqual(findHookBlock(`${HOOK_BLOCK_BEGIN}\n${HOOK_BLOCK_END}\n`, FILE), { body: '' });
});
test('a body holding a marker is a caller bug', (t) => {
  t.throws(() => upsertHookBlock('', `x\n${HOOK_BLOCK_END}\n`, FILE), { instanceOf: RangeError });
});

test('remove keeps user lines before and after', (t) => {
  t.deepEqual(removeHookBlock(`#!/bin/sh\na\r\n${block('\r\n', OLD_BODY)}\r\nb\r\n`, FILE), {
    text: '#!/bin/sh\na\r\nb\r\n',
    changed: true,
  });
  t.deepEqual(removeHookBlock(`${block()}\n`, FILE), { text: '', changed: true });
  t.deepEqual(removeHookBlock(`${block()}\nnpm test`, FILE), { text: 'npm test', changed: true });
});

// Hand-edited markers: report the file and line rather than guess.
const rejects = test.macro({
  exec(t, input: string, line: number, message: string) {
    for (const run of [
      () => upsertHookBlock(input, BODY, FILE),
      () => removeHookBlock(input, FILE),
      () => findHookBlock(input, FILE),
    ]) {
      const error = t.throws(run, { instanceOf: InputError });
      t.deepEqual(error?.location, { file: FILE, line });
      t.is(error?.message, `${FILE}:${line}: ${message}`);
    }
  },
  title: (title) => `refuses: ${title ?? ''}`,
});
const UNBALANCED = HookBlockMessages.unbalanced(HOOK_BLOCK_BEGIN, HOOK_BLOCK_END);
test('a begin marker without an end', rejects, `a\n${HOOK_BLOCK_BEGIN}\nx\n`, 2, UNBALANCED);
test('an end marker without a begin', rejects, `a\nb\n${HOOK_BLOCK_END}\n`, 3, UNBALANCED);
test(
  'the end before the begin',
  rejects,
  `${HOOK_BLOCK_END}\nx\n${HOOK_BLOCK_BEGIN}\n`,
  1,
  UNBALANCED,
);
test('two blocks', rejects, `${block()}\nx\n${block()}\n`, 1, UNBALANCED);
test(
  'two begins, one end',
  rejects,
  `${HOOK_BLOCK_BEGIN}\n${HOOK_BLOCK_BEGIN}\n${HOOK_BLOCK_END}\n`,
  1,
  UNBALANCED,
);
test(
  'a begin marker edited by hand',
  rejects,
  `a\n#>>> git-alembic\nx\n${HOOK_BLOCK_END}\n`,
  2,
  HookBlockMessages.editedMarker(HOOK_BLOCK_BEGIN),
);
test(
  'an end marker with extra words',
  rejects,
  `${HOOK_BLOCK_BEGIN}\nx\n# <<< git-alembic (v1)\n`,
  3,
  HookBlockMessages.editedMarker(HOOK_BLOCK_END),
);
test(
  'a marker with a different spacing',
  rejects,
  `#  >>>  git-alembic\n`,
  1,
  HookBlockMessages.editedMarker(HOOK_BLOCK_BEGIN),
);

// The laws over every combination of user content, line break style and final newline.
test('laws over generated files', (t) => {
  const contents = [
    [],
    [''],
    ['#!/bin/sh'],
    ['#!/bin/sh', '', 'npm test'],
    ['npx lint-staged', 'exit 0'],
  ];
  for (const userLines of contents) {
    for (const eol of ['\n', '\r\n']) {
      for (const finalNewline of [true, false]) {
        const input = userLines.join(eol) + (finalNewline && userLines.length > 0 ? eol : '');
        const label = JSON.stringify(input);
        const first = upsertHookBlock(input, BODY, FILE);
        t.true(
          first.text.startsWith(input.replace(/[\r\n]+$/, '')),
          `user content first: ${label}`,
        );
        t.is(
          first.text.includes('\r\n'),
          eol === '\r\n' && input.includes('\n'),
          `line breaks: ${label}`,
        );
        t.deepEqual(
          upsertHookBlock(first.text, BODY, FILE),
          { text: first.text, changed: false },
          label,
        );
        const upgraded = upsertHookBlock(
          upsertHookBlock(first.text, OLD_BODY, FILE).text,
          BODY,
          FILE,
        );
        t.is(upgraded.text, first.text, `downgrade then upgrade in place: ${label}`);
        t.is(removeHookBlock(first.text, FILE).text, input, `remove restores: ${label}`);
      }
    }
  }
});
