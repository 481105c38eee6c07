import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isRelativeSpecifier } from '../core/boundaries';
import { kindOfGenericContainer } from '../estree/boundary-uses';
import { boundaryOfSpecifier } from '../estree/boundary-values';
import { unwrap } from '../estree/call-chain';
import { isGlobalFetch } from '../estree/http-requests';
import { moduleBindingOf, moduleLoadOf } from '../estree/imports';
import { parseGlobalAssignment, parseMockCall } from '../estree/mocks';
import { AST_NODE_TYPES } from '../estree/node-types';
import { parseTestCall, type TestCall } from '../estree/test-calls';
import type { Outline, OutlineUnit, OutlineVariable } from './split-plan';
import { moduleKeyOf } from '../estree/project-modules';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

/**
 * What a file exercises, the way `one-boundary-per-file` counts it: boundary modules it loads (unless
 * mocked), global `fetch`, throwaway containers named by image. The split asks this one question per
 * file; swapping how boundaries are recognised means swapping this function.
 */
export interface BoundaryFacts {
  /** The boundary kind using a variable exercises (a binding imported or required from a boundary module). */
  readonly kindOfVariable: (variable: Variable) => string | null;
  /** Places that exercise a boundary by themselves, with no variable in between. */
  readonly directUses: ReadonlyArray<{ readonly offset: number; readonly kind: string }>;
  /** String literals that name a relative module to mock (`vi.mock('../src/mailer')`), which moving the file must rewrite. */
  readonly mockedPaths: readonly RelativePath[];
}

/** A relative module path written as a string literal: its range, text and quote. */
export interface RelativePath {
  readonly range: readonly [number, number];
  readonly specifier: string;
  readonly quote: string;
}

/** Listeners that gather a file's boundary facts while ESLint walks it; `facts()` answers after the walk. */
export function boundaryFactsOf(context: Context, ignoreKinds: ReadonlySet<string>): { listeners: TSESLint.RuleListener; facts: () => BoundaryFacts } {
  const mocked = new Set<string>();
  const direct: Array<{ offset: number; kind: string }> = [];
  const mockedPaths: RelativePath[] = [];
  const moduleKey = (specifier: string, relativeTo = context.filename): string => moduleKeyOf(context, specifier, relativeTo);
  const loads: Array<{ offset: number; specifier: string }> = [];
  const directModule = (specifier: string, offset: number): void => {
    loads.push({ offset, specifier });
  };
  const listeners: TSESLint.RuleListener = {
    ImportDeclaration(node) {
      // `import 'pg'`: a load with no binding exercises the module where it stands.
      if (node.specifiers.length === 0 && node.importKind !== 'type') directModule(node.source.value, node.range[0]);
    },
    ImportExpression(node) {
      const load = moduleLoadOf(node);
      if (load) directModule(load.source, node.range[0]);
    },
    CallExpression(node) {
      const load = moduleLoadOf(node);
      if (load) directModule(load.source, node.range[0]);
      if (isGlobalFetch(context, node.callee)) direct.push({ offset: node.range[0], kind: 'http' });
      const mock = parseMockCall(context, node);
      for (const target of mock?.targets ?? []) {
        const literal = target.type === 'module' ? target.node : null;
        if (target.type !== 'module' || target.relativeTo !== undefined || !isRelativeSpecifier(target.specifier)) continue;
        if (literal?.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string') {
          mockedPaths.push({ range: literal.range, specifier: target.specifier, quote: context.sourceCode.text[literal.range[0]]! });
        }
      }
      if (!mock?.replaces) return;
      for (const target of mock.targets) {
        if (target.type === 'module') mocked.add(moduleKey(target.specifier, target.relativeTo));
        if (target.type === 'global') mocked.add(`global:${target.name}`);
      }
    },
    AssignmentExpression(node) {
      const replaced = parseGlobalAssignment(node);
      if (replaced !== null) mocked.add(`global:${replaced}`);
    },
    NewExpression(node) {
      const kind = kindOfGenericContainer(context, node);
      if (kind) direct.push({ offset: node.range[0], kind });
    },
  };
  const facts = (): BoundaryFacts => ({
    kindOfVariable(variable) {
      const binding = moduleBindingOf(variable);
      if (!binding || binding.typeOnly) return null;
      const kind = boundaryOfSpecifier(context, binding.source)?.kind ?? null;
      if (kind === null || ignoreKinds.has(kind) || mocked.has(moduleKey(binding.source))) return null;
      return kind;
    },
    directUses: [
      ...loads.flatMap(({ offset, specifier }) => {
        const kind = boundaryOfSpecifier(context, specifier)?.kind;
        return kind && !mocked.has(moduleKey(specifier)) ? [{ offset, kind }] : [];
      }),
      ...direct.filter(({ kind }) => !(kind === 'http' && mocked.has('global:fetch'))),
    ].filter(({ kind }) => !ignoreKinds.has(kind)),
    mockedPaths,
  });
  return { listeners, facts };
}

/** A file's outline with the nodes behind it, for writing the new files. */
export interface FileOutline extends Outline {
  readonly text: string;
  readonly nodes: ReadonlyMap<number, Node>;
  /** The node that declares each variable: an import specifier, a declarator, or the whole statement. */
  readonly declarations: ReadonlyMap<number, Node>;
  readonly comments: readonly TSESTree.Comment[];
  /** The innermost unit holding an offset; `null` outside every unit. */
  readonly unitAt: (offset: number) => number | null;
  /** Adds a tag to the unit at an offset (a rule's report that the unit drives the app). */
  readonly tagAt: (offset: number, tag: string) => void;
  readonly indexOf: (line: number, column: number) => number;
  readonly mockedPaths: readonly RelativePath[];
  /** The line of the first top-level statement that exports something (`export …`, `module.exports`, `exports.x =`), or `null`. */
  readonly exportLine: number | null;
}

interface MutableUnit extends OutlineUnit {
  children: number[];
  uses: number[];
  writes: number[];
  tags: string[];
  declares: number[];
}

function calledTestOf(context: Context, statement: Node): TestCall | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const expression = unwrap(statement.expression);
  const call = expression.type === AST_NODE_TYPES.AwaitExpression ? unwrap(expression.argument) : expression;
  return call.type === AST_NODE_TYPES.CallExpression ? parseTestCall(context, call) : null;
}

/** Builds the outline of a file after ESLint's walk, with the test calls seen on the way. */
export function outlineOf(context: Context, testCalls: readonly TSESTree.CallExpression[], boundaries: BoundaryFacts): FileOutline {
  const { sourceCode } = context;
  const { text } = sourceCode;
  const units: MutableUnit[] = [];
  const nodes = new Map<number, Node>();
  const variables: OutlineVariable[] = [];
  const variableIds = new Map<Variable, number>();
  const declarations = new Map<number, Node>();
  const testCallStarts = testCalls.map((call) => call.range[0]);

  const declare = (statement: Node, unit: MutableUnit): void => {
    for (const variable of sourceCode.scopeManager?.getDeclaredVariables(statement) ?? []) {
      const def = variable.defs[0];
      if (!def || variableIds.has(variable)) continue;
      const id = variables.length;
      variableIds.set(variable, id);
      const kind = boundaries.kindOfVariable(variable);
      variables.push({ id, name: variable.name, line: def.name.loc.start.line, declaredBy: unit.id, tags: kind ? [kind] : [] });
      unit.declares.push(id);
      const declaration: Node =
        def.type === 'ImportBinding' ? def.node : def.type === 'Variable' && statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length > 1 ? def.node : statement;
      declarations.set(id, declaration);
    }
  };

  const add = (statement: Node, parent: number | null): number => {
    const call = calledTestOf(context, statement);
    const containsTest = !call && testCallStarts.some((start) => start >= statement.range[0] && start < statement.range[1]);
    // A suite whose body is not a block of statements cannot be taken apart: it moves as one test.
    const openSuite = call?.kind === 'describe' && call.callback?.body.type === AST_NODE_TYPES.BlockStatement;
    const kind: OutlineUnit['kind'] =
      statement.type === AST_NODE_TYPES.ImportDeclaration
        ? 'import'
        : openSuite
          ? 'suite'
          : call?.kind === 'test' || call?.kind === 'describe' || containsTest
            ? 'test'
            : call?.kind === 'hook'
              ? 'hook'
              : 'statement';
    const title = call && call.kind !== 'hook' && call.node.arguments[0] ? sourceCode.getText(call.node.arguments[0]) : kind === 'test' ? `at line ${statement.loc.start.line}` : '';
    const unit: MutableUnit = { id: units.length, kind, parent, children: [], line: statement.loc.start.line, title, uses: [], writes: [], tags: [], declares: [] };
    units.push(unit);
    nodes.set(unit.id, statement);
    if (kind === 'import' || kind === 'statement') declare(statement, unit);
    const body = call?.callback?.body;
    if ((kind === 'suite' || kind === 'hook') && body?.type === AST_NODE_TYPES.BlockStatement) {
      for (const child of body.body) unit.children.push(add(child, unit.id));
    }
    return unit.id;
  };
  const roots = sourceCode.ast.body.map((statement) => add(statement, null));

  const unitAt = (offset: number): number | null => {
    let found: number | null = null;
    let list: readonly number[] = roots;
    for (;;) {
      const inside = list.find((id) => {
        const [start, end] = nodes.get(id)!.range;
        return offset >= start && offset < end;
      });
      if (inside === undefined) return found;
      found = inside;
      list = units[inside]!.children;
    }
  };
  const isWithin = (id: number, container: number): boolean => {
    for (let current: number | null = id; current !== null; current = units[current]!.parent) if (current === container) return true;
    return false;
  };

  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) {
      const variableId = reference.resolved ? variableIds.get(reference.resolved) : undefined;
      if (variableId === undefined) continue;
      const owner = unitAt(reference.identifier.range[0]);
      if (owner === null) continue;
      const variable = variables[variableId]!;
      if (isWithin(owner, variable.declaredBy)) continue;
      const unit = units[owner]!;
      if (!unit.uses.includes(variableId)) unit.uses.push(variableId);
      if ((reference.isWrite() || isMutation(reference.identifier)) && !unit.writes.includes(variableId)) unit.writes.push(variableId);
    }
  }
  const tagAt = (offset: number, tag: string): void => {
    const owner = unitAt(offset);
    if (owner !== null && !units[owner]!.tags.includes(tag)) units[owner]!.tags.push(tag);
  };
  for (const use of boundaries.directUses) tagAt(use.offset, use.kind);

  return {
    units,
    variables,
    roots,
    text,
    nodes,
    declarations,
    comments: sourceCode.getAllComments(),
    unitAt,
    tagAt,
    indexOf: (line, column) => sourceCode.getIndexFromLoc({ line, column }),
    mockedPaths: boundaries.mockedPaths,
    exportLine: sourceCode.ast.body.find(isExport)?.loc.start.line ?? null,
  };
}

function isExport(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) return true;
  if (statement.type === AST_NODE_TYPES.TSExportAssignment) return true;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: Node = statement.expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
  return target.type === AST_NODE_TYPES.Identifier && (target.name === 'exports' || target.name === 'module');
}

/** `state.id = 1`, `state.items.push(x)`, `counter++` on a member: the variable's value changes in place. */
function isMutation(identifier: Node): boolean {
  let current: Node = identifier;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) current = current.parent;
  if (current === identifier) return false;
  const parent = current.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current) return true;
  if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
  if (current.type === AST_NODE_TYPES.MemberExpression && parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) {
    const method = current.property.type === AST_NODE_TYPES.Identifier ? current.property.name : '';
    return MUTATING_METHODS.has(method);
  }
  return false;
}

const MUTATING_METHODS: ReadonlySet<string> = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'set', 'add']);
