import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { compileAllowList, judgeBoundaryMock, mockedThingKey, mocksAnotherBoundary, type BoundaryMockFacts, type Remedy } from '../core/no-boundary-mock';
import { gatherMock, globalAssignmentFacts, manualMockFacts } from '../estree/boundary-mock-facts';
import { realBoundaryKinds } from '../estree/file-boundaries';
import { isWithin } from '../estree/call-chain';
import { isReExport, type ModuleLoad } from '../estree/imports';
import { AST_NODE_TYPES } from '../estree/node-types';
import { fillsMissingGlobal, isStandInFunction, mayAssignGlobal, mayMock, parseGlobalAssignment, specifierOfManualMock, type MockCall } from '../estree/mocks';
import { removeWithOrphans } from '../estree/orphan-removal';
import { statementOfExpression } from '../estree/statement-removal';
import { reportWithEdit } from '../estree/report';
import { testFileOf } from '../estree/test-file';
import { createRule } from '../util/create-rule';

type Options = [{ allow?: string[]; autofix?: boolean }];
type MessageId = 'mockedDatabase' | 'mockedHttp' | 'mockedBoundary' | 'removeMock';

const MESSAGE_OF: Readonly<Record<Remedy, MessageId>> = {
  database: 'mockedDatabase',
  http: 'mockedHttp',
  other: 'mockedBoundary',
};

export default createRule<Options, MessageId>({
  name: 'no-boundary-mock',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow mocking databases, HTTP clients, queues and other boundaries in integration tests',
      config: 'recommended',
      layers: ['integration'],
    },
    hasSuggestions: true,
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Module specifiers, globs of adapter paths, or global names whose mocks are never reported.',
          },
          autofix: {
            type: 'boolean',
            description: 'Remove the mock statement as a fix (`eslint --fix`) instead of offering it as a suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], autofix: false }],
    messages: {
      mockedDatabase:
        'This test replaces {{what}} ({{kind}} boundary) with {{how}}, {{effect}}. Use the real database and roll back what each test writes instead.',
      mockedHttp:
        'This test replaces {{what}} ({{kind}} boundary) with {{how}}, {{effect}}. Keep the real client and fake the server with nock or msw instead.',
      mockedBoundary:
        'This test replaces {{what}} ({{kind}} boundary) with {{how}}, {{effect}}. Use a real one (local or in a throwaway container) and clean up after each test instead.',
      removeMock: 'Remove the mock of {{what}}.',
    },
  },
  defaultOptions: [{ allow: [], autofix: false }],
  create(context, [options]) {
    const allow = compileAllowList(options.allow ?? []);
    return { 'Program:exit': () => new MockCheck(context, allow, options.autofix ?? false).checkFile() };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

/** What one file mocks, checked in the order it is written; each mocked thing reported once. */
class MockCheck {
  private readonly reported = new Set<string>();
  /** Mocking calls already reported: a double built inside one (a module mock's factory) is its stand-in. */
  private readonly reportedCalls: TSESTree.Node[] = [];

  constructor(private readonly context: Context, private readonly allow: ReturnType<typeof compileAllowList>, private readonly autofix: boolean) {}

  checkFile(): void {
    const { sourceCode } = this.context;
    // A file that spells no mocking word has no mocking call and no manual mock to look at, and one
    // that names no global object assigns no stand-in to a global: most files are done at once.
    const mocking = mayMock(sourceCode);
    const assigning = mayAssignGlobal(sourceCode);
    if (!mocking && !assigning) return;
    const file = testFileOf(this.context);
    // Checked in the order the file is written (an enclosing node first), so that the first of
    // several mocks of one thing is the one reported.
    const checks: Check[] = [];
    if (mocking) {
      for (const load of file.loads) if (!load.typeOnly && !isReExport(load)) checks.push({ node: load.node, load });
      for (const call of file.mocks) checks.push({ node: call.node, call });
    }
    if (assigning) for (const node of file.memberAssignments) checks.push({ node, assignment: node });
    checks.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
    for (const check of checks) {
      if (check.load) this.checkManualMock(loadSite(check.load), check.load.source);
      else if (check.call) this.checkMockCall(check.call);
      else if (check.assignment) this.checkGlobalAssignment(check.assignment);
    }
  }

  /**
   * Reports a mock when the core says it takes away a boundary, once per mocked thing in the
   * file; `removable` is the statement it alone makes up, offered for removal unless the test relies on it.
   */
  private check(loc: TSESTree.SourceLocation, facts: BoundaryMockFacts, removable: () => TSESTree.ExpressionStatement | null): boolean {
    const finding = judgeBoundaryMock(facts, this.allow);
    if (!finding || mocksAnotherBoundary(finding, realBoundaryKinds(this.context))) return false;
    const key = mockedThingKey(facts);
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    const data = { what: finding.what, kind: finding.kind, how: finding.how, effect: finding.effect };
    const statement = removable();
    const removal = statement ? removeWithOrphans(this.context.sourceCode, statement) : null;
    const edit = removal && { messageId: 'removeMock' as const, data, fix: removal };
    reportWithEdit(this.context, { loc, messageId: MESSAGE_OF[finding.remedy], data }, edit, this.autofix);
    return true;
  }

  private checkManualMock(node: TSESTree.Node, source: string): void {
    const specifier = specifierOfManualMock(source);
    if (specifier !== null) this.check(node.loc, manualMockFacts(this.context, specifier), () => null);
  }

  private checkMockCall(call: MockCall): void {
    // `jest.mock('../db', () => ({ db: mockDeep<PrismaClient>() }))`: the double is the reported mock's own.
    if (this.reportedCalls.some((reported) => isWithin(call.node, reported))) return;
    // A call that mocks several modules at once (proxyquire) is reported per module, without an edit.
    const single = call.targets.length === 1;
    for (const target of call.targets) {
      const mock = gatherMock(this.context, call, target);
      if (this.check(mock.loc, mock.facts, () => (single && !mock.reliedOn() ? statementOfExpression(call.node) : null))) this.reportedCalls.push(call.node);
    }
  }

  private checkGlobalAssignment(node: TSESTree.AssignmentExpression): void {
    if (node.operator !== '=') return;
    const name = parseGlobalAssignment(node);
    // Only a stand-in counts: `global.fetch = originalFetch` restores, a polyfill adds the real thing,
    // and one set only where the global is missing replaces nothing the runtime has.
    if (name === null || !isStandInFunction(this.context, node.right) || fillsMissingGlobal(node, name)) return;
    this.check(node.loc, globalAssignmentFacts(this.context, name, node.right), () => statementOfExpression(node));
  }
}

/** One thing to check: a load (for a manual mock), a mocking call or an assignment to a global. */
interface Check {
  readonly node: TSESTree.Node;
  readonly load?: ModuleLoad;
  readonly call?: MockCall;
  readonly assignment?: TSESTree.AssignmentExpression;
}

/** Where a load names its module: the string of an `import` declaration, the whole call or expression otherwise. */
function loadSite(load: ModuleLoad): TSESTree.Node {
  if (load.node.type === AST_NODE_TYPES.ImportDeclaration) return load.node.source;
  if (load.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return load.node.moduleReference;
  return load.node;
}
