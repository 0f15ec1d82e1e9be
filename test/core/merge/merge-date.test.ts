// The create date of a merge: --date, now (random mode), or the newest parent (deterministic).
import test from 'ava';

import {
  chooseCreateDate,
  type CreateDateInput,
  docstringInstant,
} from '../../../src/core/merge/merge-date.js';
import { formatCreateDate } from '../../../src/core/naming/create-date.js';

const UTC = { kind: 'iana', name: 'UTC' } as const;
const KOLKATA = { kind: 'iana', name: 'Asia/Kolkata' } as const;
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) * 1000 + 42;
const INPUT: CreateDateInput = {
  mode: 'deterministic',
  timezone: undefined,
  wallClock: undefined,
  parents: [],
  nowMicros: () => NOW,
};
const text = (input: Partial<CreateDateInput>) =>
  formatCreateDate(chooseCreateDate({ ...INPUT, ...input }).createDate);

test('docstring dates: naive ones are wall clock in the zone, an offset is honoured', (t) => {
  t.is(
    docstringInstant('2024-01-02 03:04:05.678901', UTC),
    Date.UTC(2024, 0, 2, 3, 4, 5) * 1000 + 678_901,
  );
  t.is(docstringInstant('2024-01-02 03:04:05', KOLKATA), Date.UTC(2024, 0, 1, 21, 34, 5) * 1000);
  t.is(docstringInstant('2024-01-02 03:04:05+05:30', UTC), Date.UTC(2024, 0, 1, 21, 34, 5) * 1000);
  t.is(
    docstringInstant('2024-01-02 03:04:05.5-01:00', UTC),
    Date.UTC(2024, 0, 2, 4, 4, 5) * 1000 + 500_000,
  );
  t.is(docstringInstant('yesterday', UTC), undefined);
  t.is(docstringInstant('2024-13-02 03:04:05', UTC), undefined);
});

test('deterministic: the newest parent, git time before docstring, shown as naive UTC without a timezone', (t) => {
  const parents = [
    {
      id: 'b',
      gitAuthorTime: Date.UTC(2024, 4, 1, 10, 0, 0) / 1000,
      docstringDate: '2099-01-01 00:00:00',
    },
    { id: 'c', gitAuthorTime: undefined, docstringDate: '2024-05-01 11:30:00.25' },
  ];
  const chosen = chooseCreateDate({ ...INPUT, parents });
  t.is(formatCreateDate(chosen.createDate), '2024-05-01 11:30:00.250000');
  t.like(chosen, { source: 'docstring', parent: 'c' });
  t.is(chosen.createDate.epoch, Date.UTC(2024, 4, 1, 11, 30, 0) / 1000);
  t.like(chooseCreateDate({ ...INPUT, parents: parents.slice(0, 1) }), {
    source: 'git',
    parent: 'b',
  });
});

test('deterministic with a timezone: the same instant, shown in that zone with its offset', (t) => {
  const parents = [
    { id: 'b', gitAuthorTime: Date.UTC(2024, 4, 1, 10, 0, 0) / 1000, docstringDate: undefined },
  ];
  t.is(text({ parents, timezone: KOLKATA }), '2024-05-01 15:30:00+05:30');
  t.is(text({ parents, timezone: UTC }), '2024-05-01 10:00:00+00:00');
});

test('deterministic without any parent time: now, and the source says so', (t) => {
  const chosen = chooseCreateDate({
    ...INPUT,
    parents: [{ id: 'b', gitAuthorTime: undefined, docstringDate: 'not a date' }],
  });
  t.is(chosen.source, 'now');
  t.is(formatCreateDate(chosen.createDate), '2030-01-01 12:00:00.000042');
});

test('--date is wall clock in the configured zone, whatever the mode', (t) => {
  const wallClock = {
    year: 2024,
    month: 2,
    day: 29,
    hour: 23,
    minute: 59,
    second: 58,
    microsecond: 123,
  };
  t.is(text({ wallClock, timezone: KOLKATA }), '2024-02-29 23:59:58.000123+05:30');
  t.is(text({ wallClock, mode: 'random', timezone: UTC }), '2024-02-29 23:59:58.000123+00:00');
  t.like(chooseCreateDate({ ...INPUT, wallClock }), { source: 'option' });
});

test('random mode: now, aware in the configured zone', (t) => {
  t.is(text({ mode: 'random', timezone: KOLKATA }), '2030-01-01 17:30:00.000042+05:30');
});
