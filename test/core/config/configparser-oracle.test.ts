// Differential test: our ConfigParser against Python's own configparser, built and read the way
// Alembic does it (ConfigParser({"here": ...}).read([file])). Every section, key, raw value,
// interpolated value and the fact (and class) of failing must agree.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import test from 'ava';

import {
  ConfigParserError,
  getOption,
  parseConfigParser,
  sectionOptionNames,
  type ConfigDocument,
} from '../../../src/core/config/configparser.js';
import { findAlembicPython, runPython } from '../../helpers/python.js';
import { pick, seededRandom } from '../../helpers/random.js';
import { HAND_WRITTEN } from './configparser-cases.js';

const ORACLE = fileURLToPath(new URL('../../oracle/configparser_oracle.py', import.meta.url));

interface Case {
  readonly title: string;
  readonly text: string;
  readonly here: string;
}
type Lookup = { ok: string } | { error: string };
type Described = Array<[string, string, Lookup]>;
type Answer = { error: string } | { defaults: Described; sections: Array<[string, Described]> };

// Any python3 has configparser; prefer the Alembic oracle's interpreter so CI uses one Python.
function findPython(): string | undefined {
  const candidates = [findAlembicPython()?.python, '/usr/bin/python3', 'python3'];
  return candidates.find(
    (python) =>
      python !== undefined && spawnSync(python, ['-c', 'import configparser']).status === 0,
  );
}

function describe(document: ConfigDocument, section: string, names: readonly string[]): Described {
  return names.map((name) => {
    const raw =
      (section === 'DEFAULT'
        ? document.defaults.options.get(name)
        : (document.sections.get(section)?.options.get(name) ?? document.defaults.options.get(name))
      )?.value ?? '';
    return [name, raw, lookup(document, section, name)];
  });
}

function lookup(document: ConfigDocument, section: string, name: string): Lookup {
  try {
    return { ok: getOption(document, section, name) as string };
  } catch (error) {
    if (error instanceof ConfigParserError) return { error: error.kind };
    throw error;
  }
}

// Every outcome in one answer: the parse error, or 'ok' plus each lookup's error.
function outcomes(answer: Answer): string[] {
  if ('error' in answer) return [answer.error];
  const described = [answer.defaults, ...answer.sections.map(([, options]) => options)].flat();
  return ['ok', ...described.map(([, , result]) => ('error' in result ? result.error : 'ok'))];
}

function ours(testCase: Case): Answer {
  let document: ConfigDocument;
  try {
    document = parseConfigParser(testCase.text, 'case.ini', { here: testCase.here });
  } catch (error) {
    if (error instanceof ConfigParserError) return { error: error.kind };
    throw error;
  }
  return {
    defaults: describe(document, 'DEFAULT', [...document.defaults.options.keys()]),
    sections: [...document.sections.keys()].map((name) => [
      name,
      describe(document, name, sectionOptionNames(document, name)),
    ]),
  };
}

const KEYS = [
  'script_location',
  'version_locations',
  'Path_Separator',
  'file_template',
  'a',
  'b',
  'sqlalchemy.url',
  'my key',
  'hooks',
  'x',
];
const VALUES = [
  '%(here)s/alembic',
  'migrations',
  'os  # Use os.pathsep. Default configuration used for new projects.',
  '%%(rev)s_%%(slug)s',
  '%(a)s/%(b)s',
  '100%',
  '%(missing)s',
  'postgresql://u:p@h/db',
  'a ; b # c',
  '',
  'true',
  '"quoted"',
  '%(HERE)s',
  '%(x)d',
  'x: y = z',
];
const INDENTS = [' ', '  ', '\t', '    ', '\u00a0', '\u3000', '\f'];
const ENDINGS = ['\n', '\r\n', '\r'];

// One generated ini text: random sections, options, continuations, comments and blank lines.
// Keys are mostly unique per section so that most texts parse and their values get compared.
function generatedText(random: () => number): string {
  const lines: string[] = [];
  const sections = ['alembic', 'DEFAULT', 'post_write_hooks', 'core', 'tenant'].filter(
    () => random() < 0.6,
  );
  if (sections.length === 0 || random() < 0.05) lines.push(`${pick(random, KEYS)} = stray`);
  for (const section of sections) {
    lines.push(random() < 0.1 ? ` [${section}]` : `[${section}]`);
    const keys = [...KEYS].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 5));
    if (random() < 0.08) keys.push(pick(random, keys).toUpperCase());
    for (const key of keys) lines.push(...generatedOption(random, key));
    if (random() < 0.04) lines.push(`[${section}]`);
  }
  const ending = random() < 0.8 ? pick(random, ENDINGS) : undefined;
  return lines
    .map((line) => line + (ending ?? pick(random, ENDINGS)))
    .join('')
    .slice(0, random() < 0.1 ? -1 : undefined);
}

function generatedOption(random: () => number, key: string): string[] {
  const delimiter = pick(random, ['=', ':', ' = ', ' : ', '=\t', ' =']);
  const lines = [
    `${random() < 0.1 ? pick(random, INDENTS) : ''}${key}${delimiter}${pick(random, VALUES)}`,
  ];
  while (random() < 0.35) lines.push(`${pick(random, INDENTS)}${pick(random, VALUES) || 'more'}`);
  if (random() < 0.15)
    lines.push(pick(random, ['', '   ', '# comment', '  ; indented comment', '\t#x']));
  if (random() < 0.1) lines.push(`${pick(random, INDENTS)}${pick(random, VALUES)}`);
  if (random() < 0.03) lines.push('no delimiter here');
  return lines;
}

function allCases(): Case[] {
  const random = seededRandom(5_2_5);
  const generated = Array.from({ length: 70 }, (_, index) => ({
    title: `generated #${index + 1}`,
    text: generatedText(random),
    here: '/srv/app',
  }));
  return [...HAND_WRITTEN, ...generated];
}

const python = findPython();
const cases = allCases();

if (python === undefined) {
  if (process.env['GIT_ALEMBIC_REQUIRE_ORACLE'] === '1')
    test('configparser oracle', (t) => t.fail('no python3 found'));
  else test.skip('configparser oracle (no python3 found)', () => {});
} else {
  const answers = JSON.parse(runPython(python, ORACLE, [], JSON.stringify(cases))) as Answer[];
  const agrees = test.macro({
    exec(t, testCase: Case, expected: Answer) {
      t.deepEqual(ours(testCase), expected, JSON.stringify(testCase.text));
    },
    title: (_provided, testCase: Case) => `configparser agrees with Python: ${testCase.title}`,
  });
  for (const [index, testCase] of cases.entries()) test(agrees, testCase, answers[index] as Answer);
  test('the oracle cases include failures of every kind and successes', (t) => {
    const kinds = new Set(answers.flatMap(outcomes));
    t.true(cases.length >= 100);
    for (const kind of [
      'ok',
      'DuplicateSectionError',
      'DuplicateOptionError',
      'MissingSectionHeaderError',
      'ParsingError',
    ])
      t.true(kinds.has(kind), kind);
    for (const kind of [
      'InterpolationSyntaxError',
      'InterpolationMissingOptionError',
      'InterpolationDepthError',
    ])
      t.true(kinds.has(kind), kind);
    const generatedSuccesses = answers
      .slice(HAND_WRITTEN.length)
      .filter((answer) => !('error' in answer));
    t.true(
      generatedSuccesses.length >= 20,
      `only ${generatedSuccesses.length} generated texts parse`,
    );
  });
}
