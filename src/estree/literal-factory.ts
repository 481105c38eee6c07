import { AST_NODE_TYPES } from './node-types';
import { isParenthesized } from '@typescript-eslint/utils/ast-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TextEdit } from './text-edits';
import type { TestCall } from './test-calls';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** `cart` → `buildCart`, `DEFAULT_USER` → `buildDefaultUser`. */
export function factoryNameOf(name: string): string {
  const bare = name.replace(/^[_$]+/, '');
  const words = /^[A-Z0-9_]+$/.test(bare) || bare.includes('_') ? bare.split('_').filter(Boolean).map((word) => word.toLowerCase()) : [bare];
  return `build${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`;
}

/**
 * The edits that turn `const cart = { … }` into `const buildCart = () => ({ … })` and start each
 * test that uses it with `const cart = buildCart();`, so every test gets its own copy and keeps one
 * identity throughout. `null` when the factory's name is taken, a comment sits in the way, or a
 * test uses the binding outside its body (in a parameter default).
 */
export function planLiteralFactory(
  context: Context,
  declarator: TSESTree.VariableDeclarator & { readonly id: TSESTree.Identifier },
  references: readonly TSESTree.Identifier[],
  tests: readonly TestCall[],
): TextEdit[] | null {
  const sourceCode = context.sourceCode;
  const { id, init } = declarator;
  if (!init) return null;
  const name = id.name;
  const factory = factoryNameOf(name);
  if (new RegExp(`(?<![\\w$])${factory.replace(/\$/g, '\\$')}(?![\\w$])`).test(sourceCode.text)) return null;
  const equals = sourceCode.getTokenBefore(init, { filter: (token) => token.value === '=' && token.range[0] >= id.range[1] });
  if (!equals || sourceCode.getAllComments().some((comment) => comment.range[0] >= id.range[0] && comment.range[1] <= equals.range[1])) return null;

  const returnType = id.typeAnnotation ? `: ${sourceCode.getText(id.typeAnnotation.typeAnnotation)}` : '';
  // An arrow body starting with `{` would read as a block, so the literal goes in parentheses.
  const needsParentheses = sourceCode.getFirstToken(init)?.value === '{' && !isParenthesized(init, sourceCode);
  const edits: TextEdit[] = [{ range: [id.range[0], equals.range[1]], text: `${factory} = ()${returnType} =>` }];
  if (needsParentheses) {
    edits.push({ range: [init.range[0], init.range[0]], text: '(' }, { range: [init.range[1], init.range[1]], text: ')' });
  }

  const declaration = `const ${name} = ${factory}();`;
  for (const test of tests) {
    const callback = test.callback;
    if (!callback) return null;
    const body = callback.body;
    const inBody = references.some((reference) => reference.range[0] >= body.range[0] && reference.range[1] <= body.range[1]);
    const outsideBody = references.some(
      (reference) => reference.range[0] >= callback.range[0] && reference.range[1] <= callback.range[1] && !(reference.range[0] >= body.range[0] && reference.range[1] <= body.range[1]),
    );
    if (!inBody || outsideBody) return null;
    const edit = body.type === AST_NODE_TYPES.BlockStatement ? startOfBlock(sourceCode, body, declaration) : blockAround(sourceCode, body, declaration);
    if (!edit) return null;
    edits.push(...edit);
  }
  return edits;
}

/** Puts the declaration first in the block, on its own line when the block spans lines. */
function startOfBlock(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.BlockStatement, declaration: string): TextEdit[] | null {
  if (body.body.length === 0) return null;
  const brace = sourceCode.getFirstToken(body);
  const next = brace && sourceCode.getTokenAfter(brace, { includeComments: true });
  if (!brace || !next) return null;
  const target = next.range[0];
  if (!sourceCode.text.slice(brace.range[1], target).includes('\n')) return [{ range: [target, target], text: `${declaration} ` }];
  const indent = /^\s*/.exec(sourceCode.lines[next.loc.start.line - 1] ?? '')?.[0] ?? '';
  return [{ range: [target, target], text: `${declaration}\n${indent}` }];
}

/** Turns an expression body into a block that declares the copy and returns the expression. */
function blockAround(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.Expression, declaration: string): TextEdit[] {
  let start = body.range[0];
  let end = body.range[1];
  if (isParenthesized(body, sourceCode)) {
    start = (sourceCode.getTokenBefore(body) as TSESTree.Token).range[0];
    end = (sourceCode.getTokenAfter(body) as TSESTree.Token).range[1];
  }
  return [
    { range: [start, start], text: `{ ${declaration} return ` },
    { range: [end, end], text: '; }' },
  ];
}
