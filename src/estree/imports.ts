import { AST_NODE_TYPES } from './node-types';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString, unwrap } from './call-chain';
import { fileCache } from './file-cache';

type Node = TSESTree.Node;

/** Where a binding's value comes from when it is taken from a module. */
export interface ModuleBinding {
  /** The module specifier: `'vitest'`, `'../src/db'`. */
  readonly source: string;
  /** The export it names: an export name, `default`, or `*` for the whole module (namespace, `require`). */
  readonly imported: string;
  /** `import type` / `import { type X }`: no value at run time. */
  readonly typeOnly: boolean;
  /** The statement that brings it in (an import declaration or a variable declarator). */
  readonly declaration: Node;
}

/** What a name refers to in the scope where it is used. */
export type NameResolution =
  | { readonly type: 'global' }
  | { readonly type: 'module'; readonly binding: ModuleBinding }
  | { readonly type: 'local'; readonly variable: TSESLint.Scope.Variable };

const resolutionCache = fileCache<TSESTree.Identifier, NameResolution>();
const referenceMaps = fileCache<object, Map<TSESTree.Node, TSESLint.Scope.Variable | null>>();
const GLOBAL: NameResolution = Object.freeze({ type: 'global' });

/**
 * What every reference of the file resolves to, as the scope manager worked it out: one pass over
 * the references once per file, rather than a walk up the scopes for each name asked about.
 */
function resolvedReferences(sourceCode: Readonly<TSESLint.SourceCode>): Map<TSESTree.Node, TSESLint.Scope.Variable | null> {
  let map = referenceMaps.get(sourceCode);
  if (!map) {
    map = new Map();
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const reference of scope.references) map.set(reference.identifier, reference.resolved);
    }
    referenceMaps.set(sourceCode, map);
  }
  return map;
}

/**
 * Resolves an identifier through scope: to a module import or `require`, to another local
 * binding, or to an undeclared global. A local `const it = …` is `local`, never the test function.
 */
export function resolveName(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, identifier: TSESTree.Identifier): NameResolution {
  const cached = resolutionCache.get(identifier);
  if (cached) return cached;
  const { sourceCode } = context;
  const references = resolvedReferences(sourceCode);
  // A reference resolves as the scope manager says (`null`: nothing declares it); any other
  // identifier, such as a declared name, by looking its name up from where it stands.
  const variable = references.has(identifier) ? references.get(identifier) : findVariable(sourceCode.getScope(identifier), identifier);
  const result = !variable || variable.defs.length === 0 ? GLOBAL : resolutionOfVariable(variable);
  resolutionCache.set(identifier, result);
  return result;
}

const variableResolutions = fileCache<TSESLint.Scope.Variable, NameResolution>();

/** What a declared variable is: a module binding or a local one; worked out once per variable, however often it is used. */
function resolutionOfVariable(variable: TSESLint.Scope.Variable): NameResolution {
  let result = variableResolutions.get(variable);
  if (!result) {
    const binding = moduleBindingOf(variable);
    result = binding ? { type: 'module', binding } : { type: 'local', variable };
    variableResolutions.set(variable, result);
  }
  return result;
}

/** The module binding behind a variable, if the variable is an import or a `require`. */
export function moduleBindingOf(variable: TSESLint.Scope.Variable): ModuleBinding | null {
  const definition = variable.defs[0];
  if (!definition) return null;
  if (definition.type === 'ImportBinding') {
    const specifier = definition.node;
    const declaration = definition.parent as TSESTree.ImportDeclaration;
    const declarationTypeOnly = declaration.importKind === 'type';
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = importedName(specifier);
      return {
        source: declaration.source.value,
        imported,
        typeOnly: declarationTypeOnly || specifier.importKind === 'type',
        declaration,
      };
    }
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return { source: declaration.source.value, imported: 'default', typeOnly: declarationTypeOnly, declaration };
    }
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
      return { source: declaration.source.value, imported: '*', typeOnly: declarationTypeOnly, declaration };
    }
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      if (reference.type === AST_NODE_TYPES.TSExternalModuleReference) {
        const source = staticString(reference.expression);
        if (source !== null) return { source, imported: '*', typeOnly: specifier.importKind === 'type', declaration: specifier };
      }
    }
    return null;
  }
  if (definition.type === 'Variable' && definition.node.init) {
    return bindingFromInitializer(definition.name, definition.node);
  }
  return null;
}

/**
 * `require('m')`, `require('m').x`, `await import('m')`, and destructuring of them:
 * `const { vi: v } = require('vitest')` binds `v` to export `vi` of `vitest`.
 */
function bindingFromInitializer(name: TSESTree.Identifier, declarator: TSESTree.VariableDeclarator): ModuleBinding | null {
  const init = declarator.init;
  if (!init) return null;
  const required = moduleOfExpression(init);
  if (!required) return null;
  let imported = required.member ?? '*';
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    const property = declarator.id.properties.find(
      (candidate): candidate is TSESTree.ObjectPatternProperty =>
        candidate.type === AST_NODE_TYPES.Property && patternBinds(candidate.value, name),
    );
    if (!property) return null;
    const key = property.computed ? staticString(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
    if (key === null) return null;
    imported = required.member ? `${required.member}.${key}` : key;
  } else if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  return { source: required.source, imported, typeOnly: false, declaration: declarator };
}

function patternBinds(pattern: Node, name: TSESTree.Identifier): boolean {
  if (pattern === name) return true;
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return pattern.left === name;
  return false;
}

/**
 * The module an expression loads: `require('m')`, `require('m').x`, `import('m')`,
 * `(await import('m')).x`. `member` is the property read off the module, if any.
 */
export function moduleOfExpression(expression: Node): { source: string; member: string | null } | null {
  const node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && node.arguments.length === 1) {
      const source = staticString(node.arguments[0]);
      return source === null ? null : { source, member: null };
    }
    return null;
  }
  if (node.type === AST_NODE_TYPES.ImportExpression) {
    const source = staticString(node.source);
    return source === null ? null : { source, member: null };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const inner = moduleOfExpression(node.object);
    const name = propertyName(node);
    if (inner && inner.member === null && name !== null) return { source: inner.source, member: name };
  }
  return null;
}

/** Every module a file loads, with the node that loads it (imports, `require`, dynamic `import()`). */
export interface ModuleLoad {
  readonly source: string;
  readonly node: TSESTree.ImportDeclaration | TSESTree.CallExpression | TSESTree.ImportExpression | TSESTree.TSImportEqualsDeclaration | TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration;
  readonly typeOnly: boolean;
}

/** The export an import specifier names: `a` in `import { a as b }`, also when written as a string (`import { 'a-b' as c }`). */
export function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
}

/** A `require('m')` call or `import('m')` expression, as a module load. */
export function moduleLoadOf(node: TSESTree.CallExpression | TSESTree.ImportExpression): ModuleLoad | null {
  if (node.type === AST_NODE_TYPES.ImportExpression) {
    const source = staticString(node.source);
    return source === null ? null : { source, node, typeOnly: false };
  }
  if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && node.arguments.length === 1) {
    const source = staticString(node.arguments[0]);
    return source === null ? null : { source, node, typeOnly: false };
  }
  return null;
}

/** Whether a load only re-exports a module (`export … from 'm'`), without using it. */
export function isReExport(load: ModuleLoad): boolean {
  return load.node.type === AST_NODE_TYPES.ExportNamedDeclaration || load.node.type === AST_NODE_TYPES.ExportAllDeclaration;
}

/** An import declaration as a module load; type-only when every part of it is a type. */
export function moduleLoadOfImport(node: TSESTree.ImportDeclaration): ModuleLoad {
  const typeOnly =
    node.importKind === 'type' ||
    (node.specifiers.length > 0 &&
      node.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type'));
  return { source: node.source.value, node, typeOnly };
}

/** The scope that holds the file's top-level declarations (module scope, or CommonJS wrapper scope). */
export function moduleScopeOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TSESLint.Scope.Scope {
  const global = context.sourceCode.getScope(context.sourceCode.ast);
  return global.childScopes.find((scope) => scope.block === context.sourceCode.ast) ?? global;
}
