import test from 'ava';
import {
  addAttributeLines,
  attributeLineFor,
  isLfAttributeLine,
  lfAttributeLineFor,
  removeAttributeLines,
} from '../../../src/core/edits/gitattributes.js';
import { AttributeMessages } from '../../../src/messages/edits.js';

const OURS = 'migrations/heads.txt merge=git-alembic';
const OTHER = 'db/heads.txt merge=git-alembic';

// Every file below goes through the same laws: add gives `expected`; adding again changes
// nothing; removing restores the input byte for byte; add→remove→add equals the first add;
// removing from the input (which has none of our lines) changes nothing.
const edits = test.macro({
  exec(
    t,
    input: string,
    lines: readonly string[],
    expected: string,
    expectedAdded: readonly string[] = lines,
  ) {
    const first = addAttributeLines(input, lines);
    t.is(first.text, expected);
    t.deepEqual(first.added, expectedAdded);
    t.deepEqual(
      addAttributeLines(first.text, lines),
      { text: first.text, added: [] },
      'idempotent',
    );
    const removed = removeAttributeLines(first.text, lines);
    const unique = [...new Set(lines)];
    if (expectedAdded.length === unique.length) {
      t.is(removed.text, input, 'remove restores the input');
      t.deepEqual(
        addAttributeLines(removed.text, lines).text,
        first.text,
        'add→remove→add equals the first add',
      );
      t.deepEqual(
        removeAttributeLines(input, lines),
        { text: input, removed: [] },
        'remove without our lines is a no-op',
      );
    }
    t.deepEqual(
      removed.removed.slice().sort(),
      unique.sort(),
      'remove reports every line of ours it found',
    );
  },
  title: (title) => `edit: ${title ?? ''}`,
});

test('empty file', edits, '', [OURS], `${OURS}\n`);
test('two lines into an empty file', edits, '', [OURS, OTHER], `${OURS}\n${OTHER}\n`);
test('after user lines', edits, '* text=auto eol=lf\n', [OURS], `* text=auto eol=lf\n${OURS}\n`);
test(
  'no final newline: content kept, state kept',
  edits,
  '* text=auto',
  [OURS],
  `* text=auto\n${OURS}`,
);
test(
  'no final newline, two lines',
  edits,
  '* text=auto',
  [OURS, OTHER],
  `* text=auto\n${OURS}\n${OTHER}`,
);
test(
  'CRLF',
  edits,
  '* text=auto\r\n*.png binary\r\n',
  [OURS],
  `* text=auto\r\n*.png binary\r\n${OURS}\r\n`,
);
test(
  'CRLF without a final newline',
  edits,
  '* text=auto\r\n*.png binary',
  [OURS],
  `* text=auto\r\n*.png binary\r\n${OURS}`,
);
test(
  'mixed line breaks stay as they were',
  edits,
  'a x\r\nb y\nc z',
  [OURS],
  `a x\r\nb y\nc z\r\n${OURS}`,
);
test(
  'comments and blank lines',
  edits,
  '# attributes\n\n*.py diff=python\n',
  [OURS],
  `# attributes\n\n*.py diff=python\n${OURS}\n`,
);
test('a lone newline', edits, '\n', [OURS], `\n${OURS}\n`);
test(
  'the same pattern with other attributes',
  edits,
  'migrations/heads.txt -diff\n',
  [OURS],
  `migrations/heads.txt -diff\n${OURS}\n`,
);
test(
  'our line commented out is not our line',
  edits,
  `# ${OURS}\n`,
  [OURS],
  `# ${OURS}\n${OURS}\n`,
);
test('a duplicate in the request is added once', edits, '', [OURS, OURS], `${OURS}\n`, [OURS]);

const alreadyThere = test.macro({
  exec(t, input: string) {
    t.deepEqual(addAttributeLines(input, [OURS]), { text: input, added: [] });
  },
  title: (title) => `already present: ${title ?? ''}`,
});
test('alone', alreadyThere, `${OURS}\n`);
test('among user lines', alreadyThere, `* text=auto\n${OURS}\n*.png binary\n`);
test('spaces before it, a space and a tab after', alreadyThere, `  ${OURS} \t\n`);
test('CRLF, last line without newline', alreadyThere, `* text=auto\r\n${OURS}`);

test('only the missing line is added', (t) => {
  t.deepEqual(addAttributeLines(`${OURS}\n`, [OURS, OTHER]), {
    text: `${OURS}\n${OTHER}\n`,
    added: [OTHER],
  });
});

const removes = test.macro({
  exec(t, input: string, expected: string, expectedRemoved: readonly string[] = [OURS]) {
    t.deepEqual(removeAttributeLines(input, [OURS, OTHER]), {
      text: expected,
      removed: expectedRemoved,
    });
  },
  title: (title) => `remove: ${title ?? ''}`,
});
test('user lines around ours stay', removes, `a x\n${OURS}\nb y\n`, 'a x\nb y\n');
test('our line first', removes, `${OURS}\r\na x\r\n`, 'a x\r\n');
test('our line last without newline', removes, `a x\r\n${OURS}`, 'a x');
test('both lines, apart', removes, `${OTHER}\na x\n${OURS}\n`, 'a x\n', [OTHER, OURS]);
test('every copy of a line', removes, `${OURS}\na x\n${OURS}\n`, 'a x\n');
test('a tab before it, spaces after', removes, `a x\n\t${OURS}  \n`, 'a x\n');
test(
  'the same pattern with other attributes stays',
  removes,
  `migrations/heads.txt -diff\n${OURS}\n`,
  'migrations/heads.txt -diff\n',
);
test('a line that merely contains ours stays', removes, `${OURS} -diff\n`, `${OURS} -diff\n`, []);
test('a file of only our line becomes empty', removes, `${OURS}\n`, '');
test('an empty file', removes, '', '', []);

const lineFor = test.macro({
  exec(t, path: string, expected: string, driver?: string) {
    t.is(attributeLineFor(path, driver), expected);
  },
  title: (title, path: string) =>
    `attributeLineFor ${JSON.stringify(path)}${title ? ` (${title})` : ''}`,
});
test('', lineFor, 'migrations/heads.txt', 'migrations/heads.txt merge=git-alembic');
test(
  'another driver name',
  lineFor,
  'migrations/heads.txt',
  'migrations/heads.txt merge=my_driver-2',
  'my_driver-2',
);
test(
  'anchored, else it would match in every directory',
  lineFor,
  'heads.txt',
  '/heads.txt merge=git-alembic',
);
test(
  'a space needs C quotes',
  lineFor,
  'my app/migrations/heads.txt',
  '"my app/migrations/heads.txt" merge=git-alembic',
);
test('leading and trailing spaces', lineFor, ' a/b ', '" a/b " merge=git-alembic');
test(
  'glob characters are escaped',
  lineFor,
  'a[1]/h*?.txt',
  'a\\[1]/h\\*\\?.txt merge=git-alembic',
);
test(
  'a backslash is escaped',
  lineFor,
  'dir/back\\slash.txt',
  'dir/back\\\\slash.txt merge=git-alembic',
);
test('a leading ! is escaped', lineFor, '!bang/x.txt', '\\!bang/x.txt merge=git-alembic');
test('a leading # is escaped', lineFor, '#hash/x.txt', '\\#hash/x.txt merge=git-alembic');
test('a leading ! without a slash', lineFor, '!x', '/\\!x merge=git-alembic');
test('a double quote', lineFor, 'dir/quo"te.txt', '"dir/quo\\"te.txt" merge=git-alembic');
test('a leading double quote', lineFor, '"q/x.txt', '"\\"q/x.txt" merge=git-alembic');
test(
  'a tab and a newline become octal escapes',
  lineFor,
  'd/a\tb\nc.txt',
  '"d/a\\011b\\012c.txt" merge=git-alembic',
);
test('a CR and DEL', lineFor, 'd/a\rb\u007f', '"d/a\\015b\\177" merge=git-alembic');
test(
  'glob escapes inside quotes are doubled',
  lineFor,
  'a b/[x]\\.txt',
  '"a b/\\\\[x]\\\\\\\\.txt" merge=git-alembic',
);
test('non-ASCII text stays bare', lineFor, 'dir/日本/é.txt', 'dir/日本/é.txt merge=git-alembic');
test(
  'a no-break space stays bare',
  lineFor,
  'dir/a\u00a0b.txt',
  'dir/a\u00a0b.txt merge=git-alembic',
);
test(
  'non-ASCII text inside quotes stays raw',
  lineFor,
  'dir/é ü.txt',
  '"dir/é ü.txt" merge=git-alembic',
);
test(
  'shell characters mean nothing here',
  lineFor,
  "d/$(x);`y`&'z'=.txt",
  "d/$(x);`y`&'z'=.txt merge=git-alembic",
);

test('lfAttributeLineFor writes the same pattern, then text eol=lf', (t) => {
  t.is(lfAttributeLineFor('.husky/pre-commit'), '.husky/pre-commit text eol=lf');
  t.is(lfAttributeLineFor('my app/.husky/pre-commit'), '"my app/.husky/pre-commit" text eol=lf');
  t.is(lfAttributeLineFor('a[1]/.husky/x'), 'a\\[1]/.husky/x text eol=lf');
  t.is(lfAttributeLineFor('pre-commit'), '/pre-commit text eol=lf');
  t.throws(() => lfAttributeLineFor('../x'), {
    instanceOf: RangeError,
    message: AttributeMessages.badPath('../x'),
  });
});

test('isLfAttributeLine: exactly the shape lfAttributeLineFor writes', (t) => {
  for (const path of ['.husky/pre-commit', 'my app/.husky/pre "x"', 'a\tb/c', 'x'])
    t.true(isLfAttributeLine(lfAttributeLineFor(path)), path);
  for (const line of [
    '* text=auto',
    '.husky/x text eol=lf -diff',
    '.husky/x eol=lf',
    'a b text eol=lf',
    '"open text eol=lf',
    ' .husky/x text eol=lf',
    'migrations/heads.txt merge=git-alembic',
  ]) {
    t.false(isLfAttributeLine(line), line);
  }
});

for (const path of [
  '',
  '/abs/heads.txt',
  'dir/',
  'a//b',
  './a',
  'a/./b',
  'a/../b',
  '..',
  'a\u0000b',
]) {
  test(`attributeLineFor refuses ${JSON.stringify(path)}`, (t) => {
    t.throws(() => attributeLineFor(path), {
      instanceOf: RangeError,
      message: AttributeMessages.badPath(path),
    });
  });
}
for (const name of ['', 'a b', 'a=b', 'x;y']) {
  test(`attributeLineFor refuses the driver name ${JSON.stringify(name)}`, (t) => {
    t.throws(() => attributeLineFor('a/b', name), {
      instanceOf: RangeError,
      message: AttributeMessages.badDriverName(name),
    });
  });
}

// The laws over every combination of user content, line break style and final newline.
test('laws over generated files', (t) => {
  const contents = [
    [],
    [''],
    ['* text=auto'],
    ['# c', '', '*.png binary'],
    [OURS],
    ['x', OURS, 'y'],
    [`  ${OURS}`, 'z'],
  ];
  for (const userLines of contents) {
    for (const eol of ['\n', '\r\n']) {
      for (const finalNewline of [true, false]) {
        const input = userLines.join(eol) + (finalNewline && userLines.length > 0 ? eol : '');
        const added = addAttributeLines(input, [OURS, OTHER]);
        const label = JSON.stringify(input);
        t.deepEqual(addAttributeLines(added.text, [OURS, OTHER]).added, [], label);
        t.true(added.text.startsWith(input.replace(/[\r\n]+$/, '')), `user content kept: ${label}`);
        t.is(
          added.text.endsWith('\n'),
          finalNewline || input === '',
          `final newline state: ${label}`,
        );
        // A line of ours the user wrote before setup is still ours to remove, so the round trip
        // is only promised for files setup found without it.
        if (userLines.some((line) => line.trim() === OURS)) continue;
        const removed = removeAttributeLines(added.text, [OURS, OTHER]);
        t.is(removed.text, input, `remove restores: ${label}`);
        t.is(
          addAttributeLines(removed.text, [OURS, OTHER]).text,
          added.text,
          `add→remove→add: ${label}`,
        );
      }
    }
  }
});
