import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { lookupBoundary, lookupGlobalBoundary } from '../core/boundaries';
import { compileAllowList, judgeBoundaryMock, type BoundaryMockFacts, type Remedy } from '../core/no-boundary-mock';
import { boundaryOfSpecifier, boundaryOfTypeName, boundaryOfValue, importSiteOf } from '../estree/boundary-values';
import { moduleLoadOf, moduleLoadOfImport } from '../estree/imports';
import { isStandInFunction, mayAssignGlobal, mayMock, parseGlobalAssignment, parseMockCall, specifierOfManualMock, type MockCall, type MockTarget } from '../estree/mocks';
import { removeStatement, statementOfExpression } from '../estree/statement-removal';
import { getSettings } from '../settings';
import { createRule } from '../util/create-rule';

type Options = [{ allow?: string[]; autofix?: boolean }];
type MessageId = 'mockedDatabase' | 'mockedHttp' | 'mockedBoundary' | 'removeMock';
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

const MESSAGE_OF: Readonly<Record<Remedy, MessageId>> = {
  database: 'mockedDatabase',
  http: 'mockedHttp',
  other: 'mockedBoundary',
};

/** What one target of a mocking call stands in for, as facts for the core. */
function factsOf(context: Context, call: MockCall, target: MockTarget): BoundaryMockFacts {
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node);
  const base = {
    via: call.api,
    replaces: call.replaces,
    replacement: call.replacement ? boundaryOfValue(context, call.replacement) : null,
    site: importSiteOf(context),
  };
  switch (target.type) {
    case 'module': {
      const site = target.relativeTo ? { filename: target.relativeTo, cwd: context.cwd } : base.site;
      const boundary = lookupBoundary(target.specifier, getSettings(context.settings), site);
      return { ...base, site, thing: 'module', name: target.specifier, boundary };
    }
    case 'method':
      if (call.library === 'rewire') {
        // rewire replaces a variable inside another file; only its name is known here, so it
        // counts when that name is a boundary package's (`__set__('axios', fake)`).
        const boundary = target.method === null ? null : lookupBoundary(target.method, getSettings(context.settings));
        return { ...base, thing: 'module', name: target.method ?? text(target.object), boundary };
      }
      return {
        ...base,
        thing: target.method === null ? 'object' : 'member',
        name: target.method === null ? text(target.object) : `${text(target.object)}.${target.method}`,
        boundary: boundaryOfValue(context, target.object),
      };
    case 'global':
      return { ...base, thing: 'global', name: target.name, boundary: lookupGlobalBoundary(target.name, getSettings(context.settings)) };
    case 'type':
      return { ...base, thing: 'double', name: text(target.node), boundary: boundaryOfTypeName(context, target.identifier) };
    case 'class':
      return { ...base, thing: 'double', name: text(target.classRef), boundary: boundaryOfValue(context, target.classRef) };
  }
}

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
        'This test mocks {{what}} ({{kind}} boundary) with {{how}}, so it never reaches the database. Use the real database and roll back what each test writes instead.',
      mockedHttp:
        'This test mocks {{what}} ({{kind}} boundary) with {{how}}, so no request is ever sent. Keep the real client and fake the server with nock or msw instead.',
      mockedBoundary:
        'This test mocks {{what}} ({{kind}} boundary) with {{how}}, so it never reaches the {{kind}} service. Use a real one (local or in a throwaway container) and clean up after each test instead.',
      removeMock: 'Remove the mock of {{what}}.',
    },
  },
  defaultOptions: [{ allow: [], autofix: false }],
  create(context, [options]) {
    const allow = compileAllowList(options.allow ?? []);

    /** Reports a mock when the core says it takes away a boundary; `removable` is the statement it alone makes up. */
    function check(node: TSESTree.Node, facts: BoundaryMockFacts, removable: TSESTree.ExpressionStatement | null): void {
      const finding = judgeBoundaryMock(facts, allow);
      if (!finding) return;
      const data = { what: finding.what, kind: finding.kind, how: finding.how };
      const removal = removable ? removeStatement(context.sourceCode, removable) : null;
      context.report({
        node,
        messageId: MESSAGE_OF[finding.remedy],
        data,
        ...(removal && options.autofix ? { fix: removal } : {}),
        ...(removal && !options.autofix ? { suggest: [{ messageId: 'removeMock' as const, data, fix: removal }] } : {}),
      });
    }

    function checkManualMock(node: TSESTree.Node, source: string): void {
      const specifier = specifierOfManualMock(source);
      if (specifier === null) return;
      const facts: BoundaryMockFacts = { via: '__mocks__', replaces: true, thing: 'module', name: specifier, boundary: boundaryOfSpecifier(context, specifier), site: importSiteOf(context) };
      check(node, facts, null);
    }

    // A file that spells no mocking word has no mocking call and no manual mock to look at, and one
    // that names no global object assigns no stand-in to a global: most files need no listener at all.
    return {
      ...(mayMock(context.sourceCode) ? mockingListeners() : {}),
      ...(mayAssignGlobal(context.sourceCode) ? globalAssignmentListeners() : {}),
    };

    function mockingListeners(): TSESLint.RuleListener {
      return {
        CallExpression(node) {
          const load = moduleLoadOf(node);
          if (load) {
            checkManualMock(node, load.source);
            return;
          }
          const call = parseMockCall(context, node);
          if (!call) return;
          // A call that mocks several modules at once (proxyquire) is reported per module, without an edit.
          const single = call.targets.length === 1;
          for (const target of call.targets) {
            const at = single || target.type !== 'module' ? node : target.node;
            check(at, factsOf(context, call, target), single ? statementOfExpression(node) : null);
          }
        },
        ImportExpression(node) {
          const load = moduleLoadOf(node);
          if (load) checkManualMock(node, load.source);
        },
        ImportDeclaration(node) {
          const load = moduleLoadOfImport(node);
          if (!load.typeOnly) checkManualMock(node.source, load.source);
        },
      };
    }

    function globalAssignmentListeners(): TSESLint.RuleListener {
      return {
        AssignmentExpression(node) {
          if (node.operator !== '=') return;
          const name = parseGlobalAssignment(node);
          // Only a stand-in counts: `global.fetch = originalFetch` restores, a polyfill adds the real thing.
          if (name === null || !isStandInFunction(context, node.right)) return;
          const boundary = lookupGlobalBoundary(name, getSettings(context.settings));
          check(node, { via: 'assignment', replaces: true, thing: 'global', name, boundary }, statementOfExpression(node));
        },
      };
    }
  },
});
