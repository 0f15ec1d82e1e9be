// The fast path of the reader, for revision files of the common shape: a docstring, imports,
// the four attributes bound to plain literals, and function bodies. It walks the module with
// native regular expressions and allocates no tokens. Whenever it meets something it does not
// fully understand (a block at module level, an attribute mentioned elsewhere, an escape, a
// syntax error, a value Alembic would refuse) it returns undefined and the precise reader
// (tokenizer, binding collector, evaluator) reads the file and produces the result or the
// error. So a file the fast path accepts reads exactly as the precise reader reads it.
import type { ConstantValue, Revision } from '../revision.js';
import { conflictMarkerLine } from './conflict-markers.js';
import { summarizeDocstring } from './docstring-header.js';
import type { RevisionFileInput, RevisionFileOptions } from './revision-file-input.js';
import { BLANK_TAIL, BLOCK_START, FIRST_STATEMENT, MODULE_STEP } from './fast-patterns.js';
import { resumeFastBody, skipFastStatement } from './fast-scan.js';
import { readFastValue } from './fast-value.js';
import type { LiteralValue } from './literal-value.js';
import { decodeStringLiteral } from './python-literal.js';
import { SourceDecodingError, decodePythonSource } from './python-source.js';
import { detachedText } from './detached-text.js';

/** The attribute values a fast walk found (the last binding of each wins), and the docstring. */
class FastModule {
  revision: LiteralValue | undefined = undefined;
  /** Where the last `revision` binding starts. */
  revisionLineOffset = 0;
  downRevision: LiteralValue | undefined = undefined;
  branchLabels: LiteralValue | undefined = undefined;
  dependsOn: LiteralValue | undefined = undefined;
  docstring: string | undefined = undefined;

  /** Records a binding; `nameOffset` (where its name starts) matters for `revision` only. */
  bind(attribute: string, value: LiteralValue, nameOffset: number): void {
    if (attribute === 'revision') {
      this.revision = value;
      this.revisionLineOffset = nameOffset;
    } else if (attribute === 'down_revision') this.downRevision = value;
    else if (attribute === 'branch_labels') this.branchLabels = value;
    else this.dependsOn = value;
  }
}

const NONE: LiteralValue = { kind: 'none' };
// V8 keeps a backtracking entry per repetition of a group that may backtrack, so one pattern
// call over a body of tens of megabytes overflows its stack ("Maximum call stack size
// exceeded"). Real revision files are a few kilobytes; larger ones take the precise reader,
// whose loops keep no stack.
const FAST_PATH_LIMIT = 1 << 20;
const WHITESPACE = /\s+/g;
const NEWLINES = /\n/g;
// Revision.verify_rev_id refuses these (`:` since Alembic 1.17.1).
const ILLEGAL_ID_CHARACTER = /[-+:@]/;

/**
 * readRevisionFile for files of the common shape: the same revision, or undefined when the
 * precise reader (readRevisionFilePrecisely) must read the file, errors included. Loads only
 * the modules of the fast path, so a caller may load the precise reader when first needed.
 */
export function readCommonRevisionFile(
  input: RevisionFileInput,
  options: RevisionFileOptions,
): Revision | undefined {
  if (input.bytes.length > FAST_PATH_LIMIT) return undefined;
  let source: string;
  try {
    source = decodePythonSource(input.bytes);
  } catch (error) {
    if (error instanceof SourceDecodingError) return undefined;
    throw error;
  }
  if (conflictMarkerLine(source) !== undefined) return undefined;
  return readFastRevision(source, input.displayPath, normalizedConstants(options.constants));
}

const normalizedTables = new WeakMap<
  ReadonlyMap<string, ConstantValue>,
  ReadonlyMap<string, ConstantValue>
>();

/** The constants keyed by their source text with all whitespace removed, as values are looked up. */
export function normalizedConstants(
  constants: ReadonlyMap<string, ConstantValue>,
): ReadonlyMap<string, ConstantValue> {
  let normalized = normalizedTables.get(constants);
  if (normalized === undefined) {
    normalized = new Map([...constants].map(([key, value]) => [key.replace(/\s+/g, ''), value]));
    normalizedTables.set(constants, normalized);
  }
  return normalized;
}

/**
 * The revision in decoded, newline-normalised `source` when the file has the common shape and
 * every value is one Alembic accepts; undefined when the precise reader must read it.
 * `constants` keys must already be whitespace-free.
 */
export function readFastRevision(
  source: string,
  file: string,
  constants: ReadonlyMap<string, ConstantValue>,
): Revision | undefined {
  const module = walkFastModule(source, constants);
  if (module?.revision === undefined || module.downRevision === undefined) return undefined;
  const id = module.revision;
  // Alembic's checks (revision-attributes.ts); a value failing one gets its message from the precise reader.
  if (id.kind !== 'string' || id.value === '' || ILLEGAL_ID_CHARACTER.test(id.value))
    return undefined;
  const downRevisions = entriesOf(module.downRevision);
  const branchLabels = entriesOf(module.branchLabels);
  const dependencies = entriesOf(module.dependsOn);
  // Empty strings are errors, or (`depends_on = ""`) a special case: the precise reader's call.
  if (downRevisions.includes('') || branchLabels.includes('') || dependencies.includes(''))
    return undefined;
  const summary = module.docstring === undefined ? undefined : summarizeDocstring(module.docstring);
  return {
    id: detachedText(id.value),
    downRevisions,
    dependencies,
    branchLabels,
    file,
    line: lineNumber(source, module.revisionLineOffset),
    doc: summary?.doc,
    createDate: summary?.createDate,
  };
}

// lineAt with one native call instead of one per line.
function lineNumber(source: string, offset: number): number {
  return (source.slice(0, offset).match(NEWLINES)?.length ?? 0) + 1;
}

// util.to_tuple, as revision-attributes.ts applies it (an absent attribute reads as None).
function entriesOf(value: LiteralValue | undefined): string[] {
  if (value === undefined || value.kind === 'none') return [];
  return value.kind === 'string' ? [detachedText(value.value)] : value.items.map(detachedText);
}

// Each MODULE_STEP call skips harmless lines and whole functions and reads up to four bindings,
// so a file of the common shape takes three regular-expression calls: from cold code each call
// costs far more than the native scan it runs. One flat loop, for the same reason.
function walkFastModule(
  source: string,
  constants: ReadonlyMap<string, ConstantValue>,
): FastModule | undefined {
  const module = new FastModule();
  const length = source.length;
  FIRST_STATEMENT.lastIndex = 0;
  const first = FIRST_STATEMENT.exec(source);
  if (first === null || first[3] !== undefined) return undefined;
  const literal = first[2];
  module.docstring = literal === undefined ? first[1] : decodeStringLiteral(literal);
  let offset = FIRST_STATEMENT.lastIndex;
  for (;;) {
    MODULE_STEP.lastIndex = offset;
    const step = MODULE_STEP.exec(source);
    if (step === null) return undefined;
    const end = MODULE_STEP.lastIndex;
    const attribute = step[2];
    if (attribute !== undefined) {
      const nameOffset = step.index + (step[1]?.length ?? 0);
      if (step[3] !== undefined || step[4] !== undefined) {
        // Groups 2-4, 5-7, 8-10, 11-13: bindings with common values, in source order.
        for (let group = 2; group < 14 && step[group] !== undefined; group += 3) {
          const value = commonValue(step[group + 1], step[group + 2], constants);
          if (value === undefined) return undefined;
          module.bind(step[group] ?? '', value, nameOffset);
        }
        offset = end;
      } else {
        const value = readFastValue(source, end, constants);
        if (value === undefined) return undefined;
        module.bind(attribute, value.value, nameOffset);
        offset = value.next;
      }
    } else {
      if (end >= length) return module;
      BLOCK_START.lastIndex = end;
      if (BLOCK_START.test(source)) {
        // A function whose body needs the bracket stack kept here (deep brackets, `{`, f-strings).
        offset = resumeFastBody(source, BLOCK_START.lastIndex);
      } else if (isCodeStart(source.charCodeAt(end))) {
        offset = skipFastStatement(source, end);
      } else {
        BLANK_TAIL.lastIndex = end;
        return BLANK_TAIL.test(source) ? module : undefined;
      }
    }
    if (offset === -1) return undefined;
  }
}

// None or a plain string literal matched by MODULE_STEP; undefined when the constants name its
// text, since evaluateValue looks the value's text (without whitespace) up there first.
function commonValue(
  none: string | undefined,
  literal: string | undefined,
  constants: ReadonlyMap<string, ConstantValue>,
): LiteralValue | undefined {
  if (constants.size > 0 && constants.has((none ?? literal ?? '').replace(WHITESPACE, '')))
    return undefined;
  return literal === undefined ? NONE : simpleString(literal);
}

// The str value of a literal matched by MODULE_STEP: no escapes, maybe a one-letter prefix.
function simpleString(literal: string): LiteralValue {
  const code = literal.charCodeAt(0);
  return { kind: 'string', value: literal.slice(code === 34 || code === 39 ? 1 : 2, -1) };
}

// A statement in column 0 may start with a letter, `_`, `@`, a digit, a quote or a bracket.
function isCodeStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 64 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 34 ||
    code === 39 ||
    code === 40 ||
    code === 91
  );
}
