import test from 'ava';

import {
  createDateFromWallClock,
  formatCreateDate,
  parseWallClock,
  resolveTimeZone,
} from '../../../src/core/naming/create-date.js';
import { PercentFormatError, percentFormat } from '../../../src/core/naming/percent-format.js';
import { slugOf } from '../../../src/core/naming/slug.js';

test('percentFormat rejects a specifier without a key, like Python with a mapping-only template', (t) => {
  const error = t.throws(() => percentFormat('%d_%(rev)s', { rev: 'a' }), {
    instanceOf: PercentFormatError,
  });
  t.is(error?.pythonError, 'TypeError');
});

test('percentFormat names the missing token', (t) => {
  t.throws(() => percentFormat('%(revision)s', { rev: 'a' }), { message: "'revision'" });
});

test('percentFormat truncates %(rev).8s and zero-pads %(month).2d', (t) => {
  t.is(percentFormat('%(month).2d-%(rev).8s', { month: 3, rev: '1a2b3c4d5e6f' }), '03-1a2b3c4d');
});

const slugCases: Array<[string | null, number, string]> = [
  ['Merge heads: fix/ABC-123 & more!!', 40, 'merge_heads_fix_abc_123_more'],
  ['Café merge of two heads', 10, 'café_'],
  ['merge the two heads now', 12, 'merge_the_'],
  [null, 40, ''],
  ['abcdefghijklmnop', 5, 'abcde_'],
];
for (const [message, length, expected] of slugCases) {
  test(`slugOf(${JSON.stringify(message)}, ${length}) is ${expected}`, (t) => {
    t.is(slugOf(message, length), expected);
  });
}

test('formatCreateDate omits zero microseconds and adds the offset only for aware dates', (t) => {
  const wall = { year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 0 };
  t.is(formatCreateDate({ wall, offsetSeconds: undefined, epoch: 0 }), '2024-01-02 03:04:05');
  t.is(
    formatCreateDate({ wall: { ...wall, microsecond: 678_901 }, offsetSeconds: 0, epoch: 0 }),
    '2024-01-02 03:04:05.678901+00:00',
  );
  t.is(
    formatCreateDate({ wall, offsetSeconds: -(3 * 3600 + 30 * 60), epoch: 0 }),
    '2024-01-02 03:04:05-03:30',
  );
});

test('createDateFromWallClock gives the UTC epoch of a wall clock in a zone', (t) => {
  const date = createDateFromWallClock(
    { year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 0 },
    { kind: 'iana', name: 'Asia/Kolkata' },
  );
  t.is(date.offsetSeconds, 19_800);
  t.is(date.epoch, Date.UTC(2024, 0, 1, 21, 34, 5) / 1000);
});

test('parseWallClock accepts the --date forms and rejects impossible dates', (t) => {
  t.deepEqual(parseWallClock('2024-02-29 23:59:59.5'), {
    year: 2024,
    month: 2,
    day: 29,
    hour: 23,
    minute: 59,
    second: 59,
    microsecond: 500_000,
  });
  t.is(parseWallClock('2023-02-29 00:00:00'), undefined);
  t.is(parseWallClock('2024-01-02 24:00:00'), undefined);
  t.is(parseWallClock('2024-01-02'), undefined);
});

const zoneCases: Array<[string, string | undefined]> = [
  ['UTC', 'UTC'],
  ['utc', 'UTC'],
  ['Asia/Kolkata', 'Asia/Kolkata'],
  ['asia/kolkata', undefined],
  ['', undefined],
  ['Nowhere/City', undefined],
  ['US/Eastern', 'US/Eastern'],
];
for (const [name, expected] of zoneCases) {
  test(`resolveTimeZone(${JSON.stringify(name)}) follows zoneinfo's exact-then-upper-case lookup`, (t) => {
    const zone = resolveTimeZone(name);
    t.is(zone?.kind === 'iana' ? zone.name : undefined, expected);
  });
}
