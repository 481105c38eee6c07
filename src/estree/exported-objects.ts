import type { TSESTree } from '@typescript-eslint/utils';
import fs from 'node:fs';
import { AST_NODE_TYPES } from './node-types';
import { MAX_MODULE_BYTES, parseModule } from './module-summaries';

type Node = TSESTree.Node;

/** One property of an object an exported constant holds: its key and, for text written out, the text. */
export interface ExportedProperty {
  readonly key: string;
  /** The string the property holds; `null` when it holds anything else. */
  readonly text: string | null;
}

const MAX_SPREADS = 4;
const cache = new Map<string, { readonly stamp: string; readonly objects: Map<string, readonly ExportedProperty[] | null> }>();

/**
 * The properties of the object literal a project module exports as a `const`
 * (`export const options = { host: 'api.example.com', ...defaults }`), spreads of other such
 * constants of the module included, in order. `null` when the export is anything else, when a
 * spread or a computed key cannot be read, or when the module writes to the object after making
 * it (`options.host = …`, `Object.assign(options, …)`): then it may hold more than its literal shows.
 */
export function exportedObjectOf(file: string, name: string): readonly ExportedProperty[] | null {
  let stamp: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_MODULE_BYTES) return null;
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
  let entry = cache.get(file);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp, objects: new Map() };
    cache.set(file, entry);
  }
  if (entry.objects.has(name)) return entry.objects.get(name) ?? null;
  let result: readonly ExportedProperty[] | null = null;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const program = parseModule(file, text);
    if (program) result = readExport(program, text, name);
  } catch {
    result = null;
  }
  entry.objects.set(name, result);
  return result;
}

function readExport(program: TSESTree.Program, text: string, name: string): readonly ExportedProperty[] | null {
  const constants = new Map<string, Node>();
  let exported: Node | null = null;
  for (const statement of program.body) {
    const isExport = statement.type === AST_NODE_TYPES.ExportNamedDeclaration;
    const declaration = isExport ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      constants.set(declarator.id.name, declarator.init);
      if (isExport && declarator.id.name === name) exported = declarator.init;
    }
  }
  return exported ? readObject(exported, constants, text, name, 0) : null;
}

function readObject(node: Node, constants: ReadonlyMap<string, Node>, text: string, name: string, depth: number): ExportedProperty[] | null {
  const value = unwrapType(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression || isWrittenTo(text, name)) return null;
  const properties: ExportedProperty[] = [];
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = unwrapType(property.argument);
      const source = spread.type === AST_NODE_TYPES.Identifier ? constants.get(spread.name) : undefined;
      const inner = source && depth < MAX_SPREADS ? readObject(source, constants, text, (spread as TSESTree.Identifier).name, depth + 1) : null;
      if (!inner) return null;
      properties.push(...inner);
      continue;
    }
    if (property.computed) return null;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    if (key === null) return null;
    properties.push({ key, text: stringOf(property.value) });
  }
  return properties;
}

/** `x as T`, `x satisfies T`, `<T>x`: the value itself. */
function unwrapType(node: Node): Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression || current.type === AST_NODE_TYPES.TSTypeAssertion) current = current.expression;
  return current;
}

function stringOf(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Whether the module's text may write to the object after making it: a property assignment, `delete`, or `Object.assign`. */
function isWrittenTo(text: string, name: string): boolean {
  const escaped = name.replace(/[$]/g, '\\$');
  const member = `\\b${escaped}\\s*(?:\\??\\.\\s*[\\w$]+|\\[[^\\]]*\\])`;
  return new RegExp(`(?<![\\w$.])${member}\\s*(?:[-+*/%&|^]|\\?\\?|\\|\\||&&)?=(?!=)|\\bdelete\\s+${escaped}\\b|\\bObject\\.(?:assign|defineProperty|defineProperties)\\(\\s*${escaped}\\b`).test(text);
}
