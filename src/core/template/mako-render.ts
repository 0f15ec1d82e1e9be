// Renders script.py.mako the way `alembic merge` does (Mako's Template(...).render_unicode
// with the merge's variables), without Python: compile once, then walk the tree.
import { TEMPLATE_TOO_LARGE, UNENCODABLE_OUTPUT } from '../../messages/template.js';
import { applyFilters } from './mako-filters.js';
import { type CompiledTemplate, compileMakoTemplate, type RenderNode } from './mako-compile.js';
import { RenderScope } from './mako-scope.js';
import { evaluate, type Scope } from './python-evaluator.js';
import { executeStatement } from './python-function.js';
import { bindTarget, iterateValue } from './python-iteration.js';
import { failIn, type SourceSite } from './template-site.js';
import { templateNamespace, type TemplateVariables } from './template-variables.js';
import { isTruthy, type PyValue } from './python-values.js';

const CACHE_SIZE = 16;
const LONE_SURROGATE = /\p{Cs}/u;
const cache = new Map<string, CompiledTemplate>();

/**
 * Renders a Mako template exactly as `alembic merge` would, returning the text Alembic
 * encodes and writes. Throws InputError (naming `templateName` and a line) for anything
 * outside the supported subset or anything that would make Mako fail.
 */
export function renderMakoTemplate(
  source: string,
  templateName: string,
  variables: TemplateVariables,
): string {
  const output = withinLimits(templateName, () =>
    renderCompiled(compileCached(source, templateName), templateNamespace(variables)),
  );
  // Alembic encodes the result; a lone surrogate (from a `\ud800` escape) cannot be encoded.
  if (LONE_SURROGATE.test(output)) failIn(templateName, UNENCODABLE_OUTPUT);
  return output;
}

/**
 * Checks that a template is inside the supported subset without rendering it (for `doctor`);
 * throws the same InputError a render would for unsupported syntax.
 */
export function checkMakoTemplate(source: string, templateName: string): void {
  withinLimits(templateName, () => compileCached(source, templateName));
}

// A template that builds a string or nests deeper than JavaScript allows is refused, like any
// other template outside what we can render, instead of ending as an internal error.
function withinLimits<T>(templateName: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) failIn(templateName, TEMPLATE_TOO_LARGE);
    throw error;
  }
}

/** Compiles a template (cached by name and text), failing early on unsupported syntax. */
export function compileCached(source: string, templateName: string): CompiledTemplate {
  const key = `${templateName}\0${source}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    compiled = compileMakoTemplate(source, templateName);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, compiled);
  }
  return compiled;
}

/** Renders a compiled template with a namespace of Python values. */
export function renderCompiled(
  template: CompiledTemplate,
  data: ReadonlyMap<string, PyValue>,
): string {
  const scope = new RenderScope(template.file, template, data);
  for (const statement of template.moduleStatements)
    executeStatement(statement, scope.module, scope.module.names);
  const output: string[] = [];
  renderBlock(template.body, scope, output);
  return output.join('');
}

function renderBlock(nodes: readonly RenderNode[], scope: RenderScope, output: string[]): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        output.push(node.text);
        break;
      case 'output':
        output.push(
          applyFilters(
            evaluate(node.expression, scope),
            node.filters,
            scope,
            site(scope, node.line),
          ),
        );
        break;
      case 'code':
        for (const statement of node.statements) executeStatement(statement, scope, scope.locals);
        break;
      case 'if': {
        const branch = node.branches.find(
          (candidate) => candidate.test === null || isTruthy(evaluate(candidate.test, scope)),
        );
        if (branch) renderBlock(branch.body, scope, output);
        break;
      }
      case 'for':
        renderLoop(node, scope, output);
        break;
    }
  }
}

// A Mako `% for` has no `break`, so its `% else` branch always runs after the loop.
function renderLoop(
  node: Extract<RenderNode, { kind: 'for' }>,
  scope: RenderScope,
  output: string[],
): void {
  const here = site(scope, node.line);
  for (const item of iterateValue(evaluate(node.iterable, scope), here)) {
    scope.budget.step(here);
    bindTarget(node.target, item, scope.locals, here);
    renderBlock(node.body, scope, output);
  }
  if (node.orElse) renderBlock(node.orElse, scope, output);
}

function site(scope: Scope, line: number): SourceSite {
  return { file: scope.file, line };
}
