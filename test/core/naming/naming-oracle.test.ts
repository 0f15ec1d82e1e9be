// Differential test: file_template formatting, slugs and create dates against Python itself.
import { fileURLToPath } from 'node:url';
import test from 'ava';

import {
  createDateAtInstant,
  createDateFromWallClock,
  formatCreateDate,
  resolveTimeZone,
} from '../../../src/core/naming/create-date.js';
import {
  PercentFormatError,
  percentFormat,
  type PercentValue,
} from '../../../src/core/naming/percent-format.js';
import { slugOf } from '../../../src/core/naming/slug.js';
import { seededRandom } from '../../helpers/random.js';
import { oracleTest, runPython } from '../../helpers/python.js';

const ORACLE = fileURLToPath(new URL('../../oracle/naming_oracle.py', import.meta.url));

type Case =
  | { kind: 'format'; template: string; mapping: Record<string, PercentValue> }
  | { kind: 'slug'; message: string | null; length: number }
  | { kind: 'instant'; micros: number; zone: string }
  | { kind: 'zone'; name: string }
  | { kind: 'wall'; wall: [number, number, number, number, number, number, number]; zone: string };
type Answer = { ok: string | [string, number] | null } | { error: string };

const TOKENS = {
  rev: '1a2b3c4d5e6f',
  slug: 'add_users',
  epoch: 1_704_164_645,
  year: 2024,
  month: 1,
  day: 2,
  hour: 3,
  minute: 4,
  second: 5,
};
const TEMPLATES = [
  '%(rev)s_%(slug)s',
  '%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(rev)s_%(slug)s',
  '%(year)d-%(month).2d-%(day).2d_%(rev)s',
  '%(rev).8s',
  '%(epoch)s_%(rev)s',
  'xx_%(year)d_%(month)02d_%(rev)-14s|',
  '%(rev)20s',
  '%(month)x%(day)X%(hour)o%(hour)#o%(minute)#x',
  '%(slug)r_%(rev)a',
  '%(year)+d% d%%',
  '%(year)5.3d|%(month)-4d|%(day)04d',
  'sub/%(year)d/%(rev)s',
  '%(epoch)d',
  '%(nope)s',
  '%(rev)d',
  '100%',
  '%(rev)s_%(slug)',
];
const MESSAGES = [
  null,
  '',
  'merge heads',
  'Merge heads: fix/ABC-123 & more!!',
  'Café merge of two heads',
  'merge the two heads now',
  'e\u0301x',
  'ΣΊΣΥΦΟΣ final ς',
  '  lots   of   space ',
  'a'.repeat(45),
  `${'word_'.repeat(12)}end`,
  'İstanbul ǅemal',
  '数据库 迁移 合并',
  '𝒜lpha 𝟘 beta',
];
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Pacific/Chatham',
  'Europe/London',
];

function cases(): Case[] {
  const random = seededRandom(20_261_126);
  const list: Case[] = TEMPLATES.map((template) => ({ kind: 'format', template, mapping: TOKENS }));
  for (const message of MESSAGES)
    for (const length of [0, 10, 12, 40, 5]) list.push({ kind: 'slug', message, length });
  for (let index = 0; index < 120; index += 1) {
    const zone = ZONES[index % ZONES.length] as string;
    const micros =
      Math.floor(random() * 2_000_000_000) * 1_000_000 +
      (index % 3 === 0 ? 0 : Math.floor(random() * 1_000_000));
    list.push({ kind: 'instant', micros, zone });
  }
  // Wall clocks around DST transitions (gaps and folds) and ordinary days.
  const walls: Array<[number, number, number, number, number, number, number]> = [
    [2024, 3, 10, 2, 30, 0, 0],
    [2024, 11, 3, 1, 30, 0, 0],
    [2024, 3, 31, 2, 30, 0, 5],
    [2024, 10, 27, 2, 30, 0, 0],
    [2024, 1, 2, 3, 4, 5, 678_901],
    [1999, 12, 31, 23, 59, 59, 0],
    [2024, 4, 7, 2, 45, 0, 0],
    [2024, 9, 29, 2, 45, 0, 0],
  ];
  for (const wall of walls) for (const zone of ZONES) list.push({ kind: 'wall', wall, zone });
  const names = [
    'UTC',
    'utc',
    'Utc',
    'GMT',
    'gmt',
    'Etc/UTC',
    'etc/utc',
    'Europe/Berlin',
    'europe/berlin',
    'EUROPE/BERLIN',
    'Asia/Kolkata',
    'asia/kolkata',
    'Asia/Calcutta',
    'US/Eastern',
    'us/eastern',
    'EST5EDT',
    'est5edt',
    'NZ-CHAT',
    'America/Port-au-Prince',
    'America/Argentina/Buenos_Aires',
    'Nowhere/City',
    'Z',
    'PST8PDT',
    'Europe/Kyiv',
    'Europe/Kiev',
  ];
  for (const name of names) list.push({ kind: 'zone', name });
  return list;
}

function ours(testCase: Case): Answer {
  try {
    switch (testCase.kind) {
      case 'format':
        return { ok: percentFormat(testCase.template, testCase.mapping) };
      case 'slug':
        return { ok: slugOf(testCase.message, testCase.length) };
      case 'instant': {
        const date = createDateAtInstant(testCase.micros, { kind: 'iana', name: testCase.zone });
        return { ok: [formatCreateDate(date), date.epoch] };
      }
      case 'zone': {
        const zone = resolveTimeZone(testCase.name);
        return { ok: zone?.kind === 'iana' ? zone.name : null };
      }
      case 'wall': {
        const [year, month, day, hour, minute, second, microsecond] = testCase.wall;
        const date = createDateFromWallClock(
          { year, month, day, hour, minute, second, microsecond },
          { kind: 'iana', name: testCase.zone },
        );
        return { ok: [formatCreateDate(date), date.epoch] };
      }
    }
  } catch (error) {
    if (error instanceof PercentFormatError) return { error: error.pythonError };
    throw error;
  }
}

oracleTest(test, 'file names, slugs and create dates match Python byte for byte', (t, python) => {
  const all = cases();
  const expected = JSON.parse(runPython(python, ORACLE, [], JSON.stringify(all))) as Answer[];
  t.is(expected.length, all.length);
  const mismatches = all.flatMap((testCase, index) => {
    const actual = ours(testCase);
    return JSON.stringify(actual) === JSON.stringify(expected[index])
      ? []
      : [{ testCase, actual, expected: expected[index] }];
  });
  t.deepEqual(mismatches, []);
});
