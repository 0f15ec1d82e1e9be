// One pass over a revision module: the attribute bindings (and the first statement we cannot
// follow), plus the module docstring, which only the module's first statement can be.
import {
  type AttributeBinding,
  AttributeBindingCollector,
  type BindingProblem,
} from './attribute-bindings.js';
import { docstringOf } from './docstring-header.js';
import { type ModuleLineVisitor, walkModuleLines } from './module-lines.js';
import type { Token } from './python-lexer.js';
import { simpleStatementRanges } from './python-statements.js';

/** What a scan of a revision module found. */
export interface ScannedModule {
  readonly bindings: readonly AttributeBinding[];
  readonly problem: BindingProblem | undefined;
  readonly docstring: string | undefined;
}

/** Scans decoded, newline-normalised source; throws PythonSyntaxError on a syntax error. */
export function scanRevisionModule(source: string): ScannedModule {
  const scan = new RevisionModuleScan();
  walkModuleLines(source, scan);
  return {
    bindings: scan.collector.bindings,
    problem: scan.collector.problem,
    docstring: scan.docstring,
  };
}

class RevisionModuleScan implements ModuleLineVisitor {
  readonly collector = new AttributeBindingCollector();
  docstring: string | undefined;
  private isFirstLine = true;

  visitLine(tokens: readonly Token[], column: number): void {
    if (this.isFirstLine) {
      this.isFirstLine = false;
      const [first] = simpleStatementRanges(tokens, 0, tokens.length);
      if (first !== undefined) this.docstring = docstringOf(tokens, first[0], first[1]);
    }
    this.collector.visitLine(tokens, column);
  }
}
