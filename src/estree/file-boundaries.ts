import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { BoundaryUse } from '../core/one-boundary-per-file';
import { AST_NODE_TYPES } from './node-types';
import { boundariesOfHarnessImport, boundariesOfModule, boundariesOfTypedClients, exercisedImports, isOutboundRequest, kindOfGenericContainer, setsUpFakeWithoutHandlers, usesFakeOnlyToTidy, usesNoValues, type ReachedBoundary } from './boundary-uses';
import { libraryBoundaryOfSpecifier } from './boundary-values';
import { fileCache } from './file-cache';
import { importedName, isReExport, moduleLoadOf, type ModuleLoad } from './imports';
import { parseGlobalAssignment } from './mocks';
import { moduleKeyOf } from './project-modules';
import { testFileOf } from './test-file';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The boundaries a test file uses and the modules and globals it mocks, in the order the file names them. */
export interface FileBoundaries {
  readonly uses: ReadonlyArray<BoundaryUse<TSESTree.Node>>;
  /** Modules (by module key) and globals (`global:fetch`) the file replaces. */
  readonly mocked: ReadonlySet<string>;
}

const answers = fileCache<TSESTree.Program, FileBoundaries>();

/**
 * Where a test file exercises a boundary: the modules it loads (a catalog client, a project module's
 * client export, a harness it starts), the requests it sends to other hosts, the containers it
 * starts; and what it mocks, so that a use through a mocked module counts for nothing. Worked out
 * once per file, for every rule that asks.
 */
export function fileBoundariesOf(context: Context): FileBoundaries {
  const program = context.sourceCode.ast;
  let found = answers.get(program);
  if (!found) {
    found = gather(context);
    answers.set(program, found);
  }
  return found;
}

/**
 * The kinds of boundary other than HTTP a file exercises for real: used, not through something it
 * mocks, and not through a fake (`ioredis-mock`), which stands in for a service rather than running
 * one. HTTP is left out: a fake server (nock, msw) runs no service either, and a request that
 * leaves for a real host says nothing about which boundary the file is about.
 */
export function realBoundaryKinds(context: Context): ReadonlySet<string> {
  const { uses, mocked } = fileBoundariesOf(context);
  const real = uses.filter((use) => use.kind !== 'http' && (use.via === null || (!mocked.has(use.via) && libraryBoundaryOfSpecifier(context, use.via)?.role !== 'fake')));
  return new Set(real.map((use) => use.kind));
}

function gather(context: Context): FileBoundaries {
  const seen = new Uses(context);
  const file = testFileOf(context);
  for (const load of file.loads) seen.useLoad(load);
  for (const node of file.calls) {
    if (moduleLoadOf(node)) continue;
    const request = isOutboundRequest(context, node);
    if (request) seen.use('http', request.via === 'global:fetch' ? request.via : seen.moduleKey(request.via), node.callee);
  }
  const mocked = new Set<string>();
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
  return { uses: seen.uses, mocked };
}

/** The uses gathered so far, each through the module or global it goes by. */
class Uses {
  readonly uses: Array<BoundaryUse<TSESTree.Node>> = [];

  constructor(private readonly context: Context) {}

  /** One name per module, so that `'../src/db'` and `'../src/db.js'` match their mocks. */
  moduleKey(specifier: string, relativeTo = this.context.filename): string {
    return moduleKeyOf(this.context, specifier, relativeTo);
  }

  /** `line` is the one a message names, where it differs from the node reported (see {@link useImport}). */
  use(kind: string, via: string | null, node: TSESTree.Node, system: string | null = null, line = node.loc.start.line): void {
    this.uses.push({ kind, via, system, line, offset: node.range[0], at: node });
  }

  private useAll(reached: readonly ReachedBoundary[], via: string, node: TSESTree.Node): void {
    for (const { kind, system } of reached) this.use(kind, via, node, system);
  }

  private useModule(specifier: string, node: TSESTree.Node, imported?: () => readonly string[]): void {
    this.useAll(boundariesOfModule(this.context, specifier, imported), this.moduleKey(specifier), node);
  }

  /**
   * An import's boundaries, each named in the message by the line of the first name it brings in
   * that reaches it (`redis` in an import of several helpers from one module), or by the line the
   * import starts on. The report itself sits at the module's name.
   */
  private useImport(node: TSESTree.ImportDeclaration): void {
    const context = this.context;
    let exercised: readonly string[] | undefined;
    const names = () => (exercised ??= exercisedImports(context, node));
    const specifier = node.source.value;
    for (const { kind, system } of boundariesOfModule(context, specifier, names)) {
      const named = node.specifiers.find((imported) => {
        const name = imported.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : imported.type === AST_NODE_TYPES.ImportSpecifier ? importedName(imported) : null;
        return name !== null && names().includes(name) && boundariesOfModule(context, specifier, () => [name]).some((reached) => reached.kind === kind);
      });
      this.use(kind, this.moduleKey(specifier), node.source, system, (named ?? node).loc.start.line);
    }
  }

  useLoad(load: ModuleLoad): void {
    const context = this.context;
    const { node } = load;
    if (node.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const typed of boundariesOfTypedClients(context, node)) this.use(typed.kind, this.moduleKey(node.source.value), typed.at, typed.system);
      if (load.typeOnly || usesNoValues(context, node) || usesFakeOnlyToTidy(context, node) || setsUpFakeWithoutHandlers(context, node)) return;
      this.useImport(node);
      for (const specifier of node.specifiers) this.useAll(boundariesOfHarnessImport(context, specifier, node.source.value), this.moduleKey(node.source.value), specifier);
    } else if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      if (!load.typeOnly && node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) this.useModule(load.source, node.moduleReference.expression);
    } else if (!isReExport(load)) {
      this.useModule(load.source, node);
    }
  }
}
