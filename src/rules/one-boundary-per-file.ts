import { AST_NODE_TYPES } from '../estree/node-types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { describeBoundaries, findTooManyBoundaries, type BoundaryUse } from '../core/one-boundary-per-file';
import { boundariesOfHarnessImport, boundariesOfModule, boundariesOfTypedClients, exercisedImports, setsUpFakeWithoutHandlers, usesFakeOnlyToTidy, usesNoValues, isOutboundRequest, kindOfGenericContainer, withoutFakesOfHttpServices, type ReachedBoundary } from '../estree/boundary-uses';
import { isReExport, moduleLoadOf, type ModuleLoad } from '../estree/imports';
import { parseGlobalAssignment } from '../estree/mocks';
import { moduleKeyOf } from '../estree/project-modules';
import { testFileOf } from '../estree/test-file';
import { checkOptionKinds, getSettings } from '../settings';
import { createRule } from '../util/create-rule';

type Options = [{ max?: number; allowTogether?: string[][]; ignoreKinds?: string[] }];

/** The shape of a boundary kind name, as in settings. */
const KIND_PATTERN = '^[a-z][a-z0-9-]*$';

/** A path as a shell argument: forward slashes, quoted when it holds a space or a quote. */
function commandLinePath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return /[\s'"$`\\]/.test(posix) ? `'${posix.replace(/'/g, `'\\''`)}'` : posix;
}

export default createRule<Options, 'tooManyBoundaries'>({
  name: 'one-boundary-per-file',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce one boundary kind per integration test file',
      config: 'recommended',
      layers: ['integration'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: { type: 'integer', minimum: 1, description: 'How many boundaries one file may exercise.' },
          allowTogether: {
            type: 'array',
            description: "Groups of boundary kinds that count as one, e.g. [['database', 'cache']].",
            items: { type: 'array', items: { type: 'string', pattern: KIND_PATTERN }, minItems: 2, uniqueItems: true },
          },
          ignoreKinds: {
            type: 'array',
            description: 'Boundary kinds that are never counted.',
            items: { type: 'string', pattern: KIND_PATTERN },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 1, allowTogether: [], ignoreKinds: [] }],
    messages: {
      tooManyBoundaries:
        'This integration test file exercises {{count}} boundaries: {{boundaries}} (at most {{max}} per file). Split it so each file tests one boundary through its adapter, and a failure points at one integration: `npx eslint-plugin-integration-tests split {{file}}`.',
    },
  },
  defaultOptions: [{ max: 1, allowTogether: [], ignoreKinds: [] }],
  create(context, [options]) {
    checkOptionKinds('one-boundary-per-file', [
      ...(options.ignoreKinds ?? []).map((kind, index) => [`ignoreKinds[${index}]`, kind] as const),
      ...(options.allowTogether ?? []).flatMap((group, outer) => group.map((kind, inner) => [`allowTogether[${outer}][${inner}]`, kind] as const)),
    ], getSettings(context.settings));
    return { 'Program:exit': () => checkFile(context, options) };
  },
});

type Context = Readonly<TSESLint.RuleContext<'tooManyBoundaries', Options>>;

/** The boundaries a file uses and the modules it mocks, in the order the file names them. */
class BoundaryUses {
  readonly uses: Array<BoundaryUse<TSESTree.Node>> = [];
  readonly mocked = new Set<string>();

  constructor(private readonly context: Context) {}

  /** One name per module, so that `'../src/db'` and `'../src/db.js'` match their mocks. */
  moduleKey(specifier: string, relativeTo = this.context.filename): string {
    return moduleKeyOf(this.context, specifier, relativeTo);
  }

  use(kind: string, via: string | null, node: TSESTree.Node, system: string | null = null): void {
    this.uses.push({ kind, via, system, line: node.loc.start.line, offset: node.range[0], at: node });
  }

  private useAll(reached: readonly ReachedBoundary[], via: string, node: TSESTree.Node): void {
    for (const { kind, system } of reached) this.use(kind, via, node, system);
  }

  private useModule(specifier: string, node: TSESTree.Node, imported?: () => readonly string[]): void {
    this.useAll(boundariesOfModule(this.context, specifier, imported), this.moduleKey(specifier), node);
  }

  useLoad(load: ModuleLoad): void {
    const context = this.context;
    const { node } = load;
    if (node.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const typed of boundariesOfTypedClients(context, node)) this.use(typed.kind, this.moduleKey(node.source.value), typed.at, typed.system);
      if (load.typeOnly || usesNoValues(context, node) || usesFakeOnlyToTidy(context, node) || setsUpFakeWithoutHandlers(context, node)) return;
      this.useModule(node.source.value, node.source, () => exercisedImports(context, node));
      for (const specifier of node.specifiers) this.useAll(boundariesOfHarnessImport(context, specifier, node.source.value), this.moduleKey(node.source.value), specifier);
    } else if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      if (!load.typeOnly && node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) this.useModule(load.source, node.moduleReference.expression);
    } else if (!isReExport(load)) {
      this.useModule(load.source, node);
    }
  }
}

function checkFile(context: Context, options: Options[0]): void {
  const seen = new BoundaryUses(context);
  const { uses, mocked } = seen;
  const file = testFileOf(context);
  // Shared setup and helper files have no tests, hooks or suites; only test files are held to one boundary.
  if (file.tests.length === 0) return;
  for (const load of file.loads) seen.useLoad(load);
  for (const node of file.calls) {
    if (moduleLoadOf(node)) continue;
    const request = isOutboundRequest(context, node);
    if (request) seen.use('http', request.via === 'global:fetch' ? request.via : seen.moduleKey(request.via), node.callee);
  }
  for (const mock of file.mocks) {
    if (!mock.replaces) continue;
    for (const target of mock.targets) {
      if (target.type === 'module') mocked.add(seen.moduleKey(target.specifier, target.relativeTo));
      if (target.type === 'global') mocked.add(`global:${target.name}`);
    }
  }
  for (const node of file.memberAssignments) {
    const replaced = parseGlobalAssignment(node);
    if (replaced !== null) mocked.add(`global:${replaced}`);
  }
  for (const node of file.constructions) {
    // `new GenericContainer('postgres:16')`: the image says which system it runs.
    const kind = kindOfGenericContainer(context, node);
    if (kind) seen.use(kind, null, node);
  }
  const found = findTooManyBoundaries(withoutFakesOfHttpServices(context, uses, file.httpFakes), mocked, {
    max: options.max ?? 1,
    allowTogether: options.allowTogether ?? [],
    ignoreKinds: options.ignoreKinds ?? [],
  });
  if (!found) return;
  context.report({
    node: found.at,
    messageId: 'tooManyBoundaries',
    data: { count: found.boundaries.length, boundaries: describeBoundaries(found.boundaries), max: options.max ?? 1, file: commandLinePath(path.relative(context.cwd, context.filename)) },
  });
}
