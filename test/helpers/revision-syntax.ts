// Writes revision files in a random mix of the syntax forms real projects and Alembic's
// templates use, so tests exercise the reader (and everything built on it) with more than the
// stock template. Every module it writes imports, under Python, to exactly the given values.
import { pick } from './random.js';
import { randomUpgradeBody, randomDecoyStatements } from './revision-syntax-parts.js';

export { seededRandom } from './random.js';

/** The values a generated revision file must declare. */
export interface RevisionSpec {
  readonly id: string;
  readonly downRevisions: readonly string[];
  readonly dependencies: readonly string[];
  readonly branchLabels: readonly string[];
  /** The message in the docstring header (default: a made-up one). */
  readonly message?: string;
}

type Random = () => number;

function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** A valid Python module that Alembic imports to exactly the values of `spec`. */
export function renderRevisionSource(spec: RevisionSpec, random: Random): string {
  const typed = chance(random, 0.5);
  const lines = [...prologue(spec, random), ...imports(typed, random), ''];
  lines.push(...randomDecoyStatements(random));
  lines.push(
    pick(random, [
      '# revision identifiers, used by Alembic.',
      "# don't edit: \"used\" by Alembic's 'upgrade'",
      '',
    ]),
  );
  if (chance(random, 0.1))
    lines.push(`down_revision = ${renderString(`stale${spec.id}`, random)}  # superseded below`);
  lines.push(binding('revision', typed ? 'str' : undefined, renderString(spec.id, random), random));
  lines.push(
    binding(
      'down_revision',
      typed ? 'Union[str, Sequence[str], None]' : undefined,
      renderDownRevision(spec.downRevisions, random),
      random,
    ),
  );
  for (const [name, values] of [
    ['branch_labels', spec.branchLabels],
    ['depends_on', spec.dependencies],
  ] as const) {
    // `depends_on = ""` on a base makes Alembic reject the whole history (never a real base).
    const value = renderOptionalList(
      values,
      name === 'depends_on' && spec.downRevisions.length > 0,
      random,
    );
    if (value !== undefined)
      lines.push(
        binding(name, typed ? 'Union[str, Sequence[str], None]' : undefined, value, random),
      );
  }
  lines.push('', '', ...randomUpgradeBody(random));
  return finish(lines, random);
}

function prologue(spec: RevisionSpec, random: Random): string[] {
  const lines: string[] = [];
  if (chance(random, 0.1))
    lines.push(
      pick(random, [
        '# -*- coding: utf-8 -*-',
        '# coding=utf-8',
        '# vim: set fileencoding=utf-8 :',
      ]),
    );
  const message =
    spec.message ??
    pick(random, ['add users table', 'añadir índice único', 'merge heads', 'drop "legacy" column']);
  const revises = chance(random, 0.3) ? 'ffffffffffff' : spec.downRevisions.join(', ');
  const header = [
    `Revision ID: ${chance(random, 0.1) ? '000000000000' : spec.id}`,
    `Revises: ${revises}`,
    'Create Date: 2024-02-03 04:05:06.789012',
  ];
  const body = `${escapeDocstring(message)}\n\n${header.join('\n')}\n\n`;
  const canBeRaw = !message.includes('\\') && !message.includes("'''") && !message.endsWith("'");
  const style = random();
  if (style < 0.6) lines.push(`"""${body}"""`);
  else if (style < 0.7 && canBeRaw) lines.push(`r'''${message}\n\n${header.join('\n')}\n'''`);
  else if (style < 0.8) lines.push('from __future__ import annotations', '', `"""${body}"""`);
  else if (style < 0.9) lines.push(...header.map((line) => `# ${line}`));
  return lines;
}

function escapeDocstring(message: string): string {
  return message.replaceAll('\\', '\\\\').replaceAll('"""', '\\"\\"\\"');
}

function imports(typed: boolean, random: Random): string[] {
  const lines = typed ? ['from typing import Sequence, Union', ''] : [];
  lines.push('from alembic import op', 'import sqlalchemy as sa');
  if (chance(random, 0.3)) lines.push('from sqlalchemy.dialects import postgresql  # "pg" only');
  return lines;
}

function binding(
  name: string,
  annotation: string | undefined,
  value: string,
  random: Random,
): string {
  const comment = chance(random, 0.15)
    ? pick(random, ['  # it\'s "fine"', '  # rebased', "  # see 'docs'"])
    : '';
  const spaced = chance(random, 0.1) ? `${name}  =  ${value}` : `${name} = ${value}`;
  return annotation !== undefined && chance(random, 0.8)
    ? `${name}: ${annotation} = ${value}${comment}`
    : `${spaced}${comment}`;
}

/** A Python expression whose value is the str `value`, in one of many spellings. */
export function renderString(value: string, random: Random): string {
  const style = random();
  if (style < 0.1 && value.length > 1) {
    const cut = 1 + Math.floor(random() * (value.length - 1));
    return `${quote(value.slice(0, cut), random)} ${quote(value.slice(cut), random)}`;
  }
  if (style < 0.15 && value.length > 1)
    return `(\n    ${quote(value.slice(0, 1), random)}\n    ${quote(value.slice(1), random)}\n)`;
  if (style < 0.25) return `(${quote(value, random)})`;
  return quote(value, random);
}

function quote(value: string, random: Random): string {
  const mark = chance(random, 0.5) ? '"' : "'";
  const canBeRaw = !/[\\'"\n]/.test(value);
  const prefix = pick(random, ['', '', '', '', 'u', 'U', ...(canBeRaw ? ['r', 'R'] : [])]);
  const escaped =
    prefix.toLowerCase() === 'r'
      ? value
      : value.replaceAll('\\', '\\\\').replaceAll(mark, `\\${mark}`).replaceAll('\n', '\\n');
  return `${prefix}${mark}${escaped}${mark}`;
}

function renderDownRevision(values: readonly string[], random: Random): string {
  if (values.length === 0) return pick(random, ['None', 'None', '()', '[]']);
  return renderList(values, random);
}

function renderOptionalList(
  values: readonly string[],
  emptyStringAllowed: boolean,
  random: Random,
): string | undefined {
  if (values.length > 0) return renderList(values, random);
  return pick(random, [
    undefined,
    'None',
    'None',
    '()',
    '[]',
    ...(emptyStringAllowed ? ['""', "('',)"] : []),
  ]);
}

function renderList(values: readonly string[], random: Random): string {
  const items = values.map((value) => renderString(value, random));
  const [only] = items;
  if (only !== undefined && items.length === 1)
    return pick(random, [only, only, `(${only},)`, `[${only}]`]);
  const style = random();
  if (style < 0.3) return `(${items.join(', ')})`;
  if (style < 0.5) return `[${items.join(', ')}]`;
  if (style < 0.6) return items.join(', ');
  const [open, close] = chance(random, 0.5) ? ['(', ')'] : ['[', ']'];
  return `${open}\n${items.map((item) => `    ${item},`).join('\n')}\n${close}`;
}

function finish(lines: readonly string[], random: Random): string {
  const lineEnding = pick(random, ['\n', '\n', '\n', '\n', '\r\n', '\r\n', '\r']);
  let text = lines.join('\n');
  if (chance(random, 0.15)) text = text.trimEnd();
  else text += '\n';
  text = text.replaceAll('\n', lineEnding);
  return chance(random, 0.1) ? `\ufeff${text}` : text;
}
