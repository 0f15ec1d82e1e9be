// The parameters of a template function: plain names with optional defaults (no `*args`,
// `**kwargs`, keyword-only or positional-only markers, no annotations), and how a call's
// arguments bind to them, with Python's TypeErrors.
import { PYTHON_ERROR, UNSUPPORTED_PARAMETER } from '../../messages/template.js';
import type { Parameter } from './python-ast.js';
import type { PythonParser } from './python-parser.js';
import { failAt, type SourceSite } from './template-site.js';
import type { CallArguments, PyValue } from './python-values.js';

/** `(a, b=1)` of a def, from its `(` to its `)`. */
export function parseParameters(parser: PythonParser): Parameter[] {
  parser.expectOperator('(');
  const parameters: Parameter[] = [];
  while (!parser.isOperator(')')) {
    if (parser.isOperator('*') || parser.isOperator('**') || parser.isOperator('/'))
      parser.fail(UNSUPPORTED_PARAMETER(`\`${parser.peek().value}\``));
    const name = parser.expectName();
    if (parameters.some((parameter) => parameter.name === name))
      parser.fail(
        PYTHON_ERROR('SyntaxError', `duplicate argument '${name}' in function definition`),
      );
    if (parser.isOperator(':')) parser.fail(UNSUPPORTED_PARAMETER('an annotation'));
    const hasDefault = parser.isOperator('=');
    if (hasDefault) parser.next();
    else if (parameters.some((parameter) => parameter.default !== null))
      parser.fail(PYTHON_ERROR('SyntaxError', 'non-default argument follows default argument'));
    parameters.push({ name, default: hasDefault ? parser.expression() : null });
    if (!parser.isOperator(')')) parser.expectOperator(',');
  }
  parser.next();
  if (parser.isOperator('->')) parser.fail(UNSUPPORTED_PARAMETER('a return annotation'));
  return parameters;
}

/** Binds a call's arguments to the parameters (defaults already evaluated), by name. */
export function bindParameters(
  functionName: string,
  parameters: readonly { readonly name: string; readonly default: PyValue | undefined }[],
  args: CallArguments,
  site: SourceSite,
): Map<string, PyValue> {
  const fail = (detail: string): never =>
    failAt(site, PYTHON_ERROR('TypeError', `${functionName}() ${detail}`));
  if (args.positional.length > parameters.length)
    fail(
      `takes ${parameters.length} positional arguments but ${args.positional.length} were given`,
    );
  for (const name of args.keywords.keys()) {
    const index = parameters.findIndex((parameter) => parameter.name === name);
    if (index === -1) fail(`got an unexpected keyword argument '${name}'`);
    if (index < args.positional.length) fail(`got multiple values for argument '${name}'`);
  }
  const bound = new Map<string, PyValue>();
  parameters.forEach((parameter, index) => {
    const byKeyword = args.keywords.has(parameter.name)
      ? args.keywords.get(parameter.name)
      : parameter.default;
    const value = index < args.positional.length ? args.positional[index] : byKeyword;
    if (value === undefined) fail(`missing required argument: '${parameter.name}'`);
    bound.set(parameter.name, value as PyValue);
  });
  return bound;
}
