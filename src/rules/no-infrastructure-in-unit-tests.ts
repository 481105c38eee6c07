import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isGenericContainerModule, matchesModuleGlobs } from '../core/boundaries';
import { findInfrastructureInUnitTest, type InfrastructureUse, type MockedModule } from '../core/no-infrastructure-in-unit-tests';
import { boundaryOfSpecifier, boundaryOfValue, importSiteOf, isBuiltOverDouble, isPointedAtAddress } from '../estree/boundary-values';
import { callChain, unwrap } from '../estree/call-chain';
import { openingOfCall } from '../estree/infrastructure-builds';
import { isReExport, resolveName, type ModuleLoad } from '../estree/imports';
import type { MockCall } from '../estree/mocks';
import { compileOptionGlobs } from '../settings';
import { createRule } from '../util/create-rule';
import { moduleKeyOf } from '../estree/project-modules';
import { testFileOf } from '../estree/test-file';
import { projectAppRequestIn } from '../estree/test-clients';

type Options = [{ allow?: string[] }];
type MessageIds = 'container' | 'client' | 'containerBesideApp' | 'clientBesideApp';
type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Construction = TSESTree.CallExpression | TSESTree.NewExpression;

export default createRule<Options, MessageIds>({
  name: 'no-infrastructure-in-unit-tests',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unit tests that start containers or open real connections to a boundary',
      config: 'recommended',
      layers: ['unit'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Module specifiers or globs a unit test may use for real, such as an in-process database.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      container:
        "A unit test must not start servers or containers: '{{module}}' runs {{system}}. Move this test to the integration layer, or give the code under test a test double.",
      client:
        "This unit test opens a real {{kind}} connection through '{{module}}'. Mock '{{module}}' (or the adapter that uses it), or move the test to the integration layer.",
      containerBesideApp:
        "A unit test must not start servers or containers: '{{module}}' runs {{system}}. This file also sends requests to `{{app}}` from '{{source}}' through {{library}}: as a test of the app over HTTP it belongs in the acceptance layer. Otherwise give the code under test a test double.",
      clientBesideApp:
        "This unit test opens a real {{kind}} connection through '{{module}}'. Mock '{{module}}' (or the adapter that uses it). This file also sends requests to `{{app}}` from '{{source}}' through {{library}}: as a test of the app over HTTP it belongs in the acceptance layer.",
    },
  },
  defaultOptions: [{ allow: [] }],
  create(context, [options]) {
    const allowed = compileOptionGlobs('no-infrastructure-in-unit-tests', 'allow', options.allow ?? []);
    return { 'Program:exit': () => checkFile(context, allowed) };
  },
});

function checkFile(context: Context, allowed: ReturnType<typeof compileOptionGlobs>): void {
  const file = testFileOf(context);
  const valueLoads = file.loads.filter(isValueLoad);
  // Every use reported is a container module's load or a call traced back to a boundary
  // module's load: a file that loads no boundary module has nothing to report, and none of its
  // calls need classifying.
  if (!loadsBoundary(context, valueLoads)) return;
  const constructions = file.callsAndConstructions.filter((node) => openingOfCall(context, node) === 'opens');
  const uses = [...containerUses(context, valueLoads), ...constructions.flatMap((node) => clientUse(context, node) ?? [])].filter(
    (use) => !matchesModuleGlobs(use.specifier, allowed, importSiteOf(context)),
  );
  if (uses.length === 0) return;
  const mocked = file.mocks.flatMap((mock) => mockedModules(context, mock));
  const findings = findInfrastructureInUnitTest(uses, mocked, valueLoads.map((load) => load.source));
  // A file that also drives the project's app through a test client is a test of the app over HTTP.
  const app = findings.length > 0 ? projectAppRequestIn(context, file.calls) : null;
  for (const { use, messageId } of findings) {
    context.report({
      node: use.node,
      messageId: app ? (messageId === 'container' ? 'containerBesideApp' : 'clientBesideApp') : messageId,
      data: { module: use.specifier, kind: use.kind ?? 'infrastructure', system: use.kind ? `a real ${use.kind}` : 'real services', ...app },
    });
  }
}

function isValueLoad(load: ModuleLoad): boolean {
  return !load.typeOnly && !isReExport(load);
}

function loadsBoundary(context: Context, loads: readonly ModuleLoad[]): boolean {
  for (const load of loads) if (isGenericContainerModule(load.source) || boundaryOfSpecifier(context, load.source) !== null) return true;
  return false;
}

function useOf(context: Context, node: TSESTree.Node, specifier: string, kind: string | null, role: InfrastructureUse<TSESTree.Node>['role']): InfrastructureUse<TSESTree.Node> {
  return { node, specifier, key: moduleKeyOf(context, specifier), kind, role };
}

/** Loads of testcontainers and the other container modules of the catalog. */
function containerUses(context: Context, valueLoads: readonly ModuleLoad[]): Array<InfrastructureUse<TSESTree.Node>> {
  return valueLoads.flatMap((load) => {
    const boundary = boundaryOfSpecifier(context, load.source);
    if (boundary?.role === 'container') return [useOf(context, load.node, load.source, boundary.kind, 'container')];
    return isGenericContainerModule(load.source) ? [useOf(context, load.node, load.source, null, 'container')] : [];
  });
}

/**
 * `new Pool()`, `knex({…})`, `mongoose.connect(…)`: an infrastructure call made on a boundary
 * module's own export. Calls on a value built earlier (`client.connect()`) follow a construction
 * that is reported already.
 */
function clientUse(context: Context, node: Construction): InfrastructureUse<TSESTree.Node> | null {
  if (isBuiltOnTheSpot(node.callee) || isBuiltOverDouble(node)) return null;
  const chain = callChain(node);
  if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier || !isModuleValue(context, chain.root, 0)) return null;
  const boundary = boundaryOfValue(context, node.callee);
  if (!boundary || (boundary.role !== 'client' && boundary.role !== 'adapter')) return null;
  return { ...useOf(context, node, boundary.specifier, boundary.kind, boundary.role), pointed: isPointedAtAddress(node) };
}

/** The modules a mocking call replaces: whole (`vi.mock('pg')`), or a method of theirs given another implementation. */
function mockedModules(context: Context, mock: MockCall): MockedModule[] {
  return mock.targets.flatMap((target): MockedModule[] => {
    const specifier =
      target.type === 'module' ? target.specifier : target.type === 'method' && mock.replaces ? boundaryOfValue(context, target.object)?.specifier : undefined;
    if (specifier === undefined) return [];
    const boundary = boundaryOfSpecifier(context, specifier);
    const from = target.type === 'module' ? (target.relativeTo ?? context.filename) : context.filename;
    return [{ key: moduleKeyOf(context, specifier, from), kind: boundary?.kind ?? null, role: boundary?.role ?? null }];
  });
}

/** Whether a callee is a member of a value made by a call: `createClient().connect` follows `createClient()`. */
function isBuiltOnTheSpot(callee: TSESTree.Node): boolean {
  let current = unwrap(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    current = unwrap(current.object);
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) return true;
  }
  return false;
}

/**
 * Whether an identifier holds a module or one of its exports, directly or through plain aliases
 * (`const { Pool } = pg`), as opposed to a value built by a call.
 */
function isModuleValue(context: Context, identifier: TSESTree.Identifier, depth: number): boolean {
  const resolution = resolveName(context, identifier);
  if (resolution.type === 'module') return !resolution.binding.typeOnly;
  if (resolution.type !== 'local' || depth > 4) return false;
  const definition = resolution.variable.defs[0];
  if (resolution.variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
  let alias = unwrap(definition.node.init);
  while (alias.type === AST_NODE_TYPES.MemberExpression) alias = unwrap(alias.object);
  return alias.type === AST_NODE_TYPES.Identifier && isModuleValue(context, alias, depth + 1);
}
