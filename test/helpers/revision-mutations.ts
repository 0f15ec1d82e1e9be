// Adversarial variants of generated revision files, for checking that the reader's fast path
// and its precise path agree on every input: snippets that look like bindings but are not (or
// are, in a block), strings and comments that hide code, f-strings, continuations, deep
// brackets, and random character edits that break the syntax in every possible place.
import { pick } from './random.js';

type Random = () => number;

/** Statements inserted in column 0 between module lines. */
export const MODULE_SNIPPETS: readonly string[] = [
  '"""\nrevision = \'evil\'\n"""',
  "'''\ndown_revision = None\n'''",
  'NOTE = """\nrevision = \'evil\'\n"""',
  '# revision = \'commented\' with "quotes"',
  'x = 1 + \\\n    2',
  "revision = 'cont' \\\n    'inued'",
  "revision = ('a'\n    'b')",
  "down_revision = ['p1',  # first\n    'p2']",
  'if True:\n    revision = "conditional"',
  'try:\n    import x\nexcept ImportError:\n    depends_on = None',
  "revision += 'x'",
  'revision: str',
  'revision.upper()',
  "branch_labels = 'x' if True else None",
  "revision = f'{1}'",
  "revision = f'plain'",
  "revision = b'bytes'",
  "revision = 'esc\\x41ped'",
  "revision = 'n\\N{BULLET}'",
  "revision = r'raw'",
  "revision = '''triple'''",
  "revision = 'a'; down_revision = None",
  "revision = down_revision = 'both'",
  'ｒｅｖｉｓｉｏｎ = "wide"',
  'déjà = "vu"',
  'def revision():\n    pass',
  'def helper(revision="x", depends_on=None) -> dict[str, int]:\n    return {"revision": revision}',
  'class Base(object):\n    revision = "class attribute"',
  'class Short: pass',
  'def one(): return 1',
  '@decorator\ndef decorated():\n    pass',
  'async def coroutine():\n    await thing()',
  'x = (((((((((1)))))))))',
  'LOOKUP = {"revision": [1, {2: (3,)}]}',
  'x = f"{a[\'b\']}" + f\'{c!r:>{width}}\' + rf"\\N{x}" + f"{{}}"',
  'lambda_header = lambda: 0',
  'odd = 1e+f"{" "}" + xf"}" + elif"p" + rb"q" + Rt"{x}"',
  'match = 1',
  'y = [\n# ]\n]',
  'print(revision)',
  '\tindented = 1',
  '  # indented comment',
  '\f',
  'z = "unterminated',
  'w = (1',
  'v = 1)',
  'u = [1)',
  'def no_body():',
  'revision = "a-b"',
  "branch_labels = ('', 'x')",
  "depends_on = ('',)",
  "branch_labels = ['x', 'x']",
];

/** Statements inserted inside upgrade()/downgrade() bodies (indented by the caller). */
export const BODY_SNIPPETS: readonly string[] = [
  'op.execute("""\nrevision = \'evil\'\n""")',
  'op.execute(f"UPDATE t SET a = {value!r}")',
  'op.execute(f\'{x["k"]}\')',
  'op.execute(f"""\n{a}\n""")',
  'rows = [{"a": 1}, {"b": [2, (3, {4})]}]',
  'x = ((((((((((((1))))))))))))',
  'sql = "a" \\\n    "b"',
  'bad = "unterminated',
  'bad = (1',
  'bad = [1)',
  'bad = f"{x"',
  'bad = f"}"',
  'bad = 1 \\ 2',
  '# comment with "quotes" and \'apostrophes\' and ( brackets',
  'revision = "local"',
  'text = """\nrevision = \'evil\'\ndef fake():\n"""',
  'if x:\n    pass',
  'odd = 1e+f"{" "}" + xf"}" + elif"p" + rb"q" + Rt"{x}"',
];

/** `source` with `snippet` inserted at a random line start (indented when inside a body). */
export function insertSnippet(
  source: string,
  snippet: string,
  indentation: string,
  random: Random,
): string {
  const lines = source.split('\n');
  const at = Math.floor(random() * (lines.length + 1));
  const inserted = snippet.split('\n').map((line) => indentation + line);
  return [...lines.slice(0, at), ...inserted, ...lines.slice(at)].join('\n');
}

/** `source` with one to three random single-character edits. */
export function mutateCharacters(source: string, random: Random): string {
  let text = source;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const character = pick(random, [
      '"',
      "'",
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '\\',
      '\n',
      '#',
      'f',
      ' ',
      '\t',
      ':',
      '=',
      ',',
      '\f',
    ]);
    text =
      random() < 0.3
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) + character + text.slice(at);
  }
  return text;
}

const ATOMS = [
  '"a"',
  "'b'",
  '"""c\nrevision = 1\n"""',
  "'''d\n'''",
  'f"{x}"',
  'f\'{y["z"]}\'',
  'f"{{}}"',
  'f"{a:{b}}"',
  'x',
  '1',
  'rb"q"',
  "u'w'",
  '"e\\"f"',
  "'g\\\n'",
  'revision',
  'fr"{1}"',
  'xf"p"',
  '"#"',
  "'('",
  'f"{(1)}"',
  'f"""\n{x}\n"""',
];
const SEPARATORS = [' ', ', ', '\n', '\n    ', '  # c ( [ "\n', ' \\\n', '\n\n', '\n# column 0\n'];
const BRACKETS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['(', ')'],
];

// A well-formed expression: atoms and brackets nested up to eight deep, split across lines.
function balancedExpression(random: Random, depth: number): string {
  if (depth > 6 || random() < 0.35) return pick(random, ATOMS);
  const [opening, closing] = pick(random, BRACKETS);
  let inner = '';
  for (let k = Math.floor(random() * 4); k > 0; k--)
    inner += (inner === '' ? '' : pick(random, SEPARATORS)) + balancedExpression(random, depth + 1);
  return opening + inner + closing;
}

/** A valid function body of assignments with deeply nested, multi-line expressions. */
export function randomBalancedBody(random: Random): string {
  let body = '';
  for (let lines = 1 + Math.floor(random() * 5); lines > 0; lines--) {
    body += `${pick(random, ['    ', '\t', '        '])}v = ${balancedExpression(random, 0)}${pick(random, ['\n', '\n\n', '  # x\n', '\n# column 0\n'])}`;
  }
  return body;
}

const SOUP = [
  ...ATOMS,
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '#c\n',
  '\\\n',
  '\n    ',
  '\n',
  '\n\t',
  ' ',
  '\n\n',
  '\nz = 1\n',
  '"h',
  'def',
  ':',
  '\f',
  'é',
  '"""\n',
  'f"',
  "f'",
  'rf"\\N{q}"',
];

/** A function body of random tokens: mostly invalid, in every way a body can be. */
export function randomTokenSoup(random: Random): string {
  let body = '    ';
  for (let n = 1 + Math.floor(random() * 40); n > 0; n--) body += pick(random, SOUP);
  return body;
}
