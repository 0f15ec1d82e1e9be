// Reads an Alembic revision file statically: what Alembic would see after importing the
// module, for the files whose attributes are literals, and a file:line error for the rest.
// Nothing from the docstring header or the file name is trusted, except Alembic's own
// legacy rule for files without a `revision` attribute.
import { InputError } from '../../errors.js';
import {
  CONSTANTS_HINT,
  PLAIN_BINDING_HINT,
  type RevisionAttribute,
  RevisionFileMessages,
  pythonSyntaxError,
} from '../../messages/revision-file.js';
import type { AttributeBinding, BindingProblem } from './attribute-bindings.js';
import { conflictMarkerLine } from './conflict-markers.js';
import { summarizeDocstring } from './docstring-header.js';
import { normalizedConstants } from './fast-reader.js';
import { type LiteralValue, type ValueProblem, evaluateValue } from './literal-value.js';
import type { Token } from './python-lexer.js';
import { SourceDecodingError, decodePythonSource } from './python-source.js';
import { PythonSyntaxError, lineAt } from './python-syntax-error.js';
import {
  type Normalized,
  normalizeBranchLabels,
  normalizeDependencies,
  normalizeDownRevisions,
  normalizeRevisionId,
} from './revision-attributes.js';
import type { RevisionFileInput, RevisionFileOptions } from './revision-file-input.js';
import { type ScannedModule, scanRevisionModule } from './revision-module.js';
import type { ConstantValue, Revision } from '../revision.js';

export type { RevisionFileInput, RevisionFileOptions } from './revision-file-input.js';

// Alembic's `_legacy_rev`, matched in full against the file name.
const LEGACY_FILE_NAME = /^([a-f0-9]+)\.py$/;

/**
 * The revision a file declares, read without the fast path (readRevisionFile in
 * read-revision-file.ts tries that first): the reference the fast path is tested against.
 * Throws InputError (`file:line: …`) as readRevisionFile does.
 */
export function readRevisionFilePrecisely(
  input: RevisionFileInput,
  options: RevisionFileOptions,
): Revision {
  const source = decodeSource(input);
  const markerLine = conflictMarkerLine(source);
  if (markerLine !== undefined)
    throw new InputError(
      { file: input.displayPath, line: markerLine },
      RevisionFileMessages.CONFLICT_MARKERS,
    );
  return readScannedRevision(source, input, normalizedConstants(options.constants));
}

// The precise reader: every logical line outside function bodies as tokens, then evaluation.
function readScannedRevision(
  source: string,
  input: RevisionFileInput,
  constants: ReadonlyMap<string, ConstantValue>,
): Revision {
  const file = input.displayPath;
  const module = scanModule(source, file);
  if (module.problem !== undefined) throw bindingProblemError(source, file, module.problem);
  const values = evaluateBindings(source, file, module.bindings, constants);
  const revision = values.get('revision');
  // Alembic's order: the legacy file-name rule, then the down_revision lookup, then the id check.
  if (revision === undefined) legacyId(input.fileName, file);
  const down = values.get('down_revision');
  if (down === undefined) throw new InputError({ file }, RevisionFileMessages.missingDownRevision);
  const id =
    revision === undefined
      ? legacyId(input.fileName, file)
      : normalizeBound(source, file, revision, normalizeRevisionId);
  const dependencies = values.get('depends_on');
  const branchLabels = values.get('branch_labels');
  const summary = module.docstring === undefined ? undefined : summarizeDocstring(module.docstring);
  return {
    id,
    downRevisions: normalizeBound(source, file, down, normalizeDownRevisions),
    dependencies:
      dependencies === undefined
        ? []
        : normalizeBound(source, file, dependencies, normalizeDependencies),
    ...(dependencies !== undefined && isEmptyStringDependency(dependencies.value)
      ? { dependsOnEmptyString: true }
      : {}),
    branchLabels:
      branchLabels === undefined
        ? []
        : normalizeBound(source, file, branchLabels, normalizeBranchLabels),
    file,
    line: revision === undefined ? undefined : lineAt(source, revision.binding.name.start),
    doc: summary?.doc,
    createDate: summary?.createDate,
  };
}

// Decoding and scanning report offsets and lines; here they become file:line InputErrors.
function decodeSource(input: RevisionFileInput): string {
  try {
    return decodePythonSource(input.bytes);
  } catch (error) {
    if (!(error instanceof SourceDecodingError)) throw error;
    throw new InputError({ file: input.displayPath, line: error.line }, error.message, {
      cause: error,
    });
  }
}

function scanModule(source: string, file: string): ScannedModule {
  try {
    return scanRevisionModule(source);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    throw new InputError(
      { file, line: lineAt(source, error.offset) },
      pythonSyntaxError(error.message),
      { cause: error },
    );
  }
}

/** An evaluated binding: the last one of each attribute wins, as in Python. */
interface BoundValue {
  readonly value: LiteralValue;
  readonly binding: AttributeBinding;
}

function evaluateBindings(
  source: string,
  file: string,
  bindings: readonly AttributeBinding[],
  constants: ReadonlyMap<string, ConstantValue>,
): Map<RevisionAttribute, BoundValue> {
  const values = new Map<RevisionAttribute, BoundValue>();
  for (const binding of bindings) {
    const evaluation = evaluateValue(binding.tokens, binding.valueFrom, binding.valueTo, constants);
    if (!evaluation.ok) throw valueProblemError(source, file, binding, evaluation.problem);
    values.set(binding.attribute, { value: evaluation.value, binding });
  }
  return values;
}

function valueProblemError(
  source: string,
  file: string,
  binding: AttributeBinding,
  problem: ValueProblem,
): InputError {
  const { tokens, attribute } = binding;
  const [from, to] =
    problem.from < problem.to ? [problem.from, problem.to] : [binding.valueFrom, binding.valueTo];
  const shown = expressionText(source, tokens, from, to);
  const message =
    problem.kind === 'not-a-string'
      ? RevisionFileMessages.notAString(attribute, shown)
      : RevisionFileMessages.notLiteral(attribute, shown);
  return new InputError(
    { file, line: lineAt(source, tokens[from]?.start ?? binding.name.start) },
    message,
    { hint: CONSTANTS_HINT },
  );
}

function bindingProblemError(source: string, file: string, problem: BindingProblem): InputError {
  const statement = expressionText(source, problem.tokens, problem.from, problem.to);
  const message =
    problem.kind === 'conditional'
      ? RevisionFileMessages.conditionalBinding(problem.attribute, statement)
      : RevisionFileMessages.computedBinding(problem.attribute, statement);
  const line = lineAt(source, problem.tokens[problem.from]?.start ?? 0);
  return new InputError({ file, line }, message, { hint: PLAIN_BINDING_HINT });
}

// Normalises a bound value, or throws at the binding's line.
function normalizeBound<T>(
  source: string,
  file: string,
  bound: BoundValue,
  normalize: (value: LiteralValue, expression: () => string) => Normalized<T>,
): T {
  const expression = (): string =>
    expressionText(source, bound.binding.tokens, bound.binding.valueFrom, bound.binding.valueTo);
  const normalized = normalize(bound.value, expression);
  if (!normalized.ok)
    throw new InputError(
      { file, line: lineAt(source, bound.binding.name.start) },
      normalized.message,
    );
  return normalized.value;
}

// `depends_on = ""` or `("",)`: Alembic keeps "" (not None), which matters for real bases.
function isEmptyStringDependency(value: LiteralValue): boolean {
  if (value.kind === 'string') return value.value === '';
  return value.kind !== 'none' && value.items.length === 1 && value.items[0] === '';
}

function legacyId(fileName: string, file: string): string {
  const match = LEGACY_FILE_NAME.exec(fileName);
  if (match?.[1] === undefined)
    throw new InputError({ file }, RevisionFileMessages.legacyFileName(fileName));
  return match[1];
}

// A one-line rendering of source text for messages, shortened when long.
function expressionText(
  source: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): string {
  const text = joinLines(source.slice(tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

// Each line break and the whitespace around it becomes one space. Split and trimmed rather
// than `/\s*\n\s*/g`, which retries every start in a long run of blanks: quadratic.
function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  const parts = lines.map((line, index) =>
    index === 0 ? line.trimEnd() : index === last ? line.trimStart() : line.trim(),
  );
  return parts.filter((part, index) => part !== '' || index === 0 || index === last).join(' ');
}
