// Runs the statements of code blocks, and the functions a `<%! %>` block defines: a call binds
// its arguments, runs the body in its own scope (locals decided before it runs, as Python
// does; other names are the template module's, then builtins) and returns what `return`
// gives, or None.
import type { Statement } from './python-ast.js';
import { evaluate } from './python-evaluator.js';
import { importedValue } from './python-imports.js';
import { bindParameters } from './python-parameters.js';
import { LocalScope, type Scope } from './python-scope.js';
import { isTruthy, type PyFunction, pyFunction, type PyValue } from './python-values.js';

/** Runs one statement of a block, binding names in `names` (module names, or the body's locals). */
export function executeStatement(
  statement: Statement,
  scope: Scope,
  names: Map<string, PyValue>,
): void {
  switch (statement.kind) {
    case 'import':
      for (const binding of statement.bindings) names.set(binding.alias, importedValue(binding));
      return;
    case 'assign': {
      const value = evaluate(statement.value, scope);
      for (const target of statement.targets) names.set(target, value);
      return;
    }
    case 'def':
      names.set(statement.name, defineFunction(statement, scope));
      return;
    default:
      // `pass`; `return` and `if` only occur in function bodies (runBody).
      return;
  }
}

// Defaults are evaluated once, when the def runs, in the scope it runs in.
function defineFunction(definition: Extract<Statement, { kind: 'def' }>, scope: Scope): PyFunction {
  const parameters = definition.parameters.map((parameter) => ({
    name: parameter.name,
    default: parameter.default === null ? undefined : evaluate(parameter.default, scope),
  }));
  const localNames = new Set([
    ...parameters.map((parameter) => parameter.name),
    ...assignedNames(definition.body),
  ]);
  return pyFunction(definition.name, (args, site) =>
    scope.budget.call(site, () => {
      const local = new LocalScope(scope, localNames);
      for (const [name, value] of bindParameters(definition.name, parameters, args, site))
        local.locals.set(name, value);
      return runBody(definition.body, local) ?? null;
    }),
  );
}

// The value of the `return` that ended the body, or undefined when it ran to its end.
function runBody(statements: readonly Statement[], local: LocalScope): PyValue | undefined {
  for (const statement of statements) {
    if (statement.kind === 'return')
      return statement.value === null ? null : evaluate(statement.value, local);
    if (statement.kind !== 'if') {
      executeStatement(statement, local, local.locals);
      continue;
    }
    const branch = statement.branches.find((candidate) =>
      isTruthy(evaluate(candidate.test, local)),
    );
    const result = runBody(branch === undefined ? statement.orElse : branch.body, local);
    if (result !== undefined) return result;
  }
  return undefined;
}

// Names assigned anywhere in a body are its locals, even in a branch that never runs.
function assignedNames(statements: readonly Statement[]): string[] {
  return statements.flatMap((statement) => {
    if (statement.kind === 'assign') return statement.targets;
    if (statement.kind !== 'if') return [];
    return [
      ...statement.branches.flatMap((branch) => assignedNames(branch.body)),
      ...assignedNames(statement.orElse),
    ];
  });
}
