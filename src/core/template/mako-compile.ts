// Turns Mako's flat node list into a tree of blocks with parsed Python, checking what Mako
// checks: matching `% end…` lines, legal `elif`/`else`, and the empty-branch rule of its
// code generator (see mako-branch-rule.ts).
import {
  EMPTY_EXPRESSION,
  MISPLACED_CLAUSE,
  UNMATCHED_END,
  UNTERMINATED_CONTROL,
} from '../../messages/template.js';
import { adjustWhitespace } from './mako-adjust-whitespace.js';
import { checkBranches, type BranchFacts, noteNode } from './mako-branch-rule.js';
import { ContextNames, controlNames, nameUse, useStatements } from './mako-identifiers.js';
import { type ControlClause, parseControlLine } from './mako-control-line.js';
import { compileFilters, type FilterStep } from './mako-filters.js';
import { lexMakoTemplate, type MakoNode } from './mako-lexer.js';
import { type Expression, type ForTarget, type Statement, targetNames } from './python-ast.js';
import { PythonParser } from './python-parser.js';
import { parseStatements } from './python-statements.js';
import { tokenizePython } from './python-tokenizer.js';
import { failAt, type SourceSite } from './template-site.js';

/** A node of the compiled template, ready to run. */
export type RenderNode =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'output';
      readonly expression: Expression;
      readonly filters: readonly FilterStep[];
      readonly line: number;
    }
  | { readonly kind: 'code'; readonly statements: readonly Statement[] }
  | {
      readonly kind: 'if';
      readonly branches: readonly {
        readonly test: Expression | null;
        readonly body: readonly RenderNode[];
      }[];
    }
  | {
      readonly kind: 'for';
      readonly target: ForTarget;
      readonly iterable: Expression;
      readonly body: readonly RenderNode[];
      readonly orElse: readonly RenderNode[] | null;
      readonly line: number;
    };

/** A template compiled once and rendered many times. */
export interface CompiledTemplate {
  readonly file: string;
  /** Statements of the `<%! %>` blocks, run before rendering. */
  readonly moduleStatements: readonly Statement[];
  readonly body: readonly RenderNode[];
  /** Names assigned in the body: Python locals, an error when read before assignment. */
  readonly localNames: ReadonlySet<string>;
  /** Names the render function fetches from the template variables (see mako-identifiers.ts). */
  readonly fetchedNames: ReadonlySet<string>;
}

interface Branch {
  readonly clause: ControlClause;
  readonly body: RenderNode[];
  readonly facts: BranchFacts;
}

interface Frame {
  readonly keyword: 'if' | 'for';
  readonly line: number;
  readonly branches: Branch[];
}

/** Lexes, parses and checks a template. */
export function compileMakoTemplate(source: string, file: string): CompiledTemplate {
  const nodes = lexMakoTemplate(source, file);
  const code = new Map<MakoNode, readonly Statement[]>();
  for (const node of nodes) {
    if (node.kind === 'code')
      code.set(
        node,
        parseStatements(
          adjustWhitespace(node.code),
          { file, line: node.line },
          node.isModule ? 'module' : 'body',
        ),
      );
  }
  const builder = new TreeBuilder(file, code);
  for (const node of nodes) builder.add(node);
  return builder.finish();
}

// Keeps a stack of open control blocks; nodes go into the innermost open branch.
class TreeBuilder {
  private readonly root: RenderNode[] = [];
  private readonly stack: Frame[] = [];
  private readonly moduleStatements: Statement[] = [];
  private readonly localNames = new Set<string>();
  private readonly pending: { frame: Frame; site: SourceSite }[] = [];
  private readonly assignsInBody: boolean;
  private readonly contextNames = new ContextNames();

  constructor(
    private readonly file: string,
    private readonly code: ReadonlyMap<MakoNode, readonly Statement[]>,
  ) {
    for (const [node, statements] of code) {
      if (node.kind !== 'code' || node.isModule) continue;
      for (const statement of statements)
        for (const name of assignedNames(statement)) this.localNames.add(name);
    }
    this.assignsInBody = this.localNames.size > 0;
  }

  add(node: MakoNode): void {
    const site = { file: this.file, line: node.line };
    const facts = this.stack.at(-1)?.branches.at(-1)?.facts;
    if (node.kind !== 'control' && facts) noteNode(facts, node, this.code.get(node)?.length ?? 0);
    switch (node.kind) {
      case 'text':
        return this.push({ kind: 'text', text: node.text });
      case 'expression':
        return this.addExpression(node, site);
      case 'code':
        return this.addCode(node, this.code.get(node) ?? []);
      case 'control':
        return node.isEnd
          ? this.close(node.keyword, site)
          : this.control(node.keyword, node.text, site);
      case 'comment':
        return;
    }
  }

  private addCode(
    node: Extract<MakoNode, { kind: 'code' }>,
    statements: readonly Statement[],
  ): void {
    if (node.isModule) {
      this.moduleStatements.push(...statements);
      this.contextNames.addModuleCode(statements);
      return;
    }
    const use = nameUse();
    useStatements(statements, use);
    this.contextNames.addBodyCode(use, { file: this.file, line: node.line });
    this.push({ kind: 'code', statements });
  }

  private addExpression(node: Extract<MakoNode, { kind: 'expression' }>, site: SourceSite): void {
    const expression = compileExpression(node.code, site);
    const filters = compileFilters(node.filters, site);
    this.contextNames.addExpression(
      expression,
      filters.flatMap((step) => (step.kind === 'name' ? [step.name] : [])),
    );
    this.push({ kind: 'output', expression, filters, line: node.line });
  }

  private control(keyword: string, text: string, site: SourceSite): void {
    const clause = parseControlLine(keyword, text, site);
    this.contextNames.addBodyCode(controlNames(clause), site);
    if (clause.kind === 'if' || clause.kind === 'for') return this.open(clause, site);
    const frame = this.stack.at(-1);
    const last = frame?.branches.at(-1)?.clause.kind;
    if (
      frame === undefined ||
      last === 'else' ||
      (frame.keyword === 'for' && clause.kind === 'elif')
    ) {
      failAt(site, MISPLACED_CLAUSE(clause.kind, frame?.keyword ?? null));
    }
    frame.branches.push(newBranch(clause));
  }

  private open(clause: Extract<ControlClause, { kind: 'if' | 'for' }>, site: SourceSite): void {
    const facts = this.stack.at(-1)?.branches.at(-1)?.facts;
    if (facts) noteNode(facts, { kind: 'control' }, 0);
    if (clause.kind === 'for') for (const id of targetNames(clause.target)) this.localNames.add(id);
    const frame: Frame = { keyword: clause.kind, line: site.line, branches: [newBranch(clause)] };
    this.stack.push(frame);
    this.pending.push({ frame, site });
  }

  private close(keyword: string, site: SourceSite): void {
    const frame = this.stack.pop();
    if (frame === undefined || frame.keyword !== keyword)
      failAt(site, UNMATCHED_END(keyword, frame?.keyword ?? null));
    this.push(frameNode(frame));
  }

  private push(node: RenderNode): void {
    (this.stack.at(-1)?.branches.at(-1)?.body ?? this.root).push(node);
  }

  finish(): CompiledTemplate {
    const open = this.stack.at(-1);
    if (open !== undefined)
      failAt({ file: this.file, line: open.line }, UNTERMINATED_CONTROL(open.keyword));
    for (const { frame, site } of this.pending)
      checkBranches(
        frame.branches.map((branch) => branch.facts),
        this.assignsInBody,
        site,
      );
    const fetchedNames = this.contextNames.fetched();
    return {
      file: this.file,
      moduleStatements: this.moduleStatements,
      body: this.root,
      localNames: this.localNames,
      fetchedNames,
    };
  }
}

function newBranch(clause: ControlClause): Branch {
  return { clause, body: [], facts: { statement: false, real: false, emptyCode: false } };
}

function frameNode(frame: Frame): RenderNode {
  const [first, ...rest] = frame.branches as [Branch, ...Branch[]];
  if (first.clause.kind === 'for') {
    const orElse = rest[0]?.body ?? null;
    return {
      kind: 'for',
      target: first.clause.target,
      iterable: first.clause.iterable,
      body: first.body,
      orElse,
      line: frame.line,
    };
  }
  const branches = frame.branches.map(({ clause, body }) => ({
    test: clause.kind === 'if' || clause.kind === 'elif' ? clause.test : null,
    body,
  }));
  return { kind: 'if', branches };
}

function assignedNames(statement: Statement): readonly string[] {
  if (statement.kind === 'assign') return statement.targets;
  return statement.kind === 'import' ? statement.bindings.map((binding) => binding.alias) : [];
}

// A `${}` must hold exactly one expression (Mako would accept a trailing comma; we do not).
function compileExpression(code: string, site: SourceSite): Expression {
  const parser: PythonParser = new PythonParser(tokenizePython(code, site), site);
  const first = parser.peek();
  if (first.kind === 'end' || first.kind === 'newline') failAt(site, EMPTY_EXPRESSION);
  const expression = parser.expression();
  parser.expectEnd('the end of the expression');
  return expression;
}
