import test from 'ava';
import { lexMakoTemplate, type MakoNode } from '../../../src/core/template/mako-lexer.js';

/** A compact view of a node: its kind, its text, and its line. */
function view(node: MakoNode): string {
  switch (node.kind) {
    case 'text':
      return `text@${node.line} ${JSON.stringify(node.text)}`;
    case 'expression':
      return `expr@${node.line} ${JSON.stringify(node.code)} | ${JSON.stringify(node.filters)}`;
    case 'control':
      return `${node.isEnd ? 'end' : 'control'}@${node.line} ${node.keyword} ${JSON.stringify(node.text)}`;
    case 'comment':
      return `comment@${node.line}`;
    case 'code':
      return `${node.isModule ? 'module' : 'code'}@${node.line} ${JSON.stringify(node.code)}`;
  }
}

const lexesTo = test.macro({
  exec(t, source: string, expected: readonly string[]) {
    t.deepEqual(lexMakoTemplate(source, 't.mako').map(view), expected);
  },
  title: (title) => title ?? '',
});

test('text and an expression', lexesTo, 'a${x}b', ['text@1 "a"', 'expr@1 "x" | ""', 'text@1 "b"']);
test('a control line consumes its whole line', lexesTo, 'a\n  % if x:\nb\n% endif\nc', [
  'text@1 "a\\n"',
  'control@2 if "if x:"',
  'text@3 "b\\n"',
  'end@4 if "endif"',
  'text@5 "c"',
]);
test(
  'a CRLF control line consumes its CRLF; text keeps it',
  lexesTo,
  'a\r\n% for c in x:\r\nb\r\n% endfor\r\n',
  ['text@1 "a\\r\\n"', 'control@2 for "for c in x:"', 'text@3 "b\\r\\n"', 'end@4 for "endfor"'],
);
test('a control line at the end without a newline', lexesTo, 'a\n% endif', [
  'text@1 "a\\n"',
  'end@2 if "endif"',
]);
test('a ## comment line disappears with its newline', lexesTo, 'a\n  ## note\nb', [
  'text@1 "a\\n"',
  'comment@2',
  'text@3 "b"',
]);
test('## in the middle of a line is text', lexesTo, 'a ## b\n', ['text@1 "a ## b\\n"']);
test('a backslash-newline is removed (LF and CRLF)', lexesTo, 'a\\\nb\\\r\nc', [
  'text@1 "a"',
  'text@2 "b"',
  'text@3 "c"',
]);
test('a control line may continue with a backslash', lexesTo, '% if a and \\\n  b:\nx\n% endif\n', [
  'control@1 if "if a and \\\\\\n  b:"',
  'text@3 "x\\n"',
  'end@4 if "endif"',
]);
test(
  '<%! %> and <% %> blocks keep the newline after them',
  lexesTo,
  '<%! import re %>\n<%\n  x = 1\n%>\n',
  ['module@1 " import re "', 'text@1 "\\n"', 'code@2 "\\n  x = 1\\n"', 'text@4 "\\n"'],
);
test('a %> inside a string does not end a block', lexesTo, '<% x = "%>" %>', [
  'code@1 " x = \\"%>\\" "',
]);
test('<%doc> disappears, the newline after it stays', lexesTo, '<%doc>\n${x}\n</%doc>\ny', [
  'comment@1',
  'text@3 "\\ny"',
]);
test('%% after a newline loses one percent', lexesTo, 'x\n%%y\n', [
  'text@1 "x\\n"',
  'text@2 "%y\\n"',
]);
test('%% at the very start stays', lexesTo, '%%y', ['text@1 "%%y"']);
test('an indented %% loses one leading character', lexesTo, 'x\n  %% y', [
  'text@1 "x\\n"',
  'text@2 " %% y"',
]);
test('<& loses its < (Mako has no such tag)', lexesTo, 'a <&b', ['text@1 "a "', 'text@1 "&b"']);
test(
  'filters are split off at the first | outside brackets and strings',
  lexesTo,
  '${f("|", [1|2]) | h, n}',
  ['expr@1 "f(\\"|\\", [1|2]) " | " h, n"'],
);
test('a } inside a string does not close ${', lexesTo, "${'}'}", ['expr@1 "\'}\'" | ""']);
test(
  'a # comment inside ${ runs to the end of the line, closing brace included',
  lexesTo,
  '${x # c}\n}',
  ['expr@1 "x # c}\\n" | ""'],
);
test('CRLF inside an expression becomes LF', lexesTo, '${ (a,\r\nb) }', [
  'expr@1 " (a,\\nb) " | ""',
]);
test('a first-line coding comment is dropped', lexesTo, '# -*- coding: utf-8 -*-\nx', [
  'text@2 "x"',
]);
test('a byte-order mark is dropped', lexesTo, '\uFEFFx', ['text@1 "x"']);
test('end keywords', lexesTo, '% endfor x\n', ['end@1 for "endfor x"']);

const failsWith = test.macro({
  exec(t, source: string, message: string) {
    t.throws(() => lexMakoTemplate(source, 't.mako'), { message });
  },
  title: (title) => title ?? '',
});

test(
  '<%include> is refused',
  failsWith,
  'x\n<%include file="other.mako"/>',
  't.mako:2: `<%include>` is not supported',
);
test(
  '<%def> is refused',
  failsWith,
  '<%def name="f()">x</%def>',
  't.mako:1: `<%def>` is not supported',
);
test(
  '<%inherit> is refused',
  failsWith,
  '<%inherit file="base.mako"/>',
  't.mako:1: `<%inherit>` is not supported',
);
test(
  'a closing tag is refused',
  failsWith,
  'a\n\n</%block>',
  't.mako:3: `</%block>` is not supported',
);
test('an unclosed ${ fails', failsWith, 'a\n${x', 't.mako:2: unclosed `${`: expected `}`');
test(
  'an unclosed <% fails',
  failsWith,
  '<% x = 1\n',
  't.mako:1: unclosed `<%` block: expected `%>`',
);
test(
  'a control line without a keyword fails',
  failsWith,
  '% (x)\n',
  't.mako:1: invalid control line `% (x)`',
);
test(
  'a non-UTF-8 coding comment with non-ASCII text fails',
  failsWith,
  '# coding: latin-1\né',
  "t.mako:1: the template declares encoding 'latin-1'; only UTF-8 templates are supported",
);
test('a latin-1 coding comment on ASCII text is fine', (t) => {
  t.deepEqual(lexMakoTemplate('# coding: latin-1\nx', 't.mako').map(view), ['text@2 "x"']);
});
