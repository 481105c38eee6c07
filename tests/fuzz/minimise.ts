/**
 * Shrinks a failing program while it still fails the same way (same check, same rule, same layer),
 * so what is written out is small enough to become a RuleTester case. Lines go first, in halving
 * chunks; then whole statements and list elements, for code that sits on one line.
 */
import { checkProgram, parseProgram, parseTargetFor, type Failure, type RuleMap } from './check';
import type { Program } from './program';

/** How many candidate programs the minimiser may lint for one failure. */
export const MINIMISE_BUDGET = 400;

type AstNode = { type: string; range: [number, number] } & Record<string, unknown>;

/** Node types whose removal leaves valid code around them. */
function isRemovable(node: AstNode, parent: AstNode | null, key: string): boolean {
  if (/Statement$|Declaration$/.test(node.type) && node.type !== 'BlockStatement') {
    return parent !== null && (key === 'body' || key === 'consequent') && Array.isArray(parent[key]);
  }
  if (!parent || !Array.isArray(parent[key])) return false;
  return ['arguments', 'elements', 'properties', 'specifiers', 'members', 'children', 'params'].includes(key) && parent.type !== 'ArrowFunctionExpression';
}

function removableRanges(ast: AstNode, visitorKeys: Record<string, readonly string[]>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: AstNode, parent: AstNode | null, key: string) => {
    if (isRemovable(node, parent, key)) ranges.push(node.range);
    for (const childKey of visitorKeys[node.type] ?? []) {
      const value = node[childKey];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as AstNode).type === 'string') visit(child as AstNode, node, childKey);
      }
    }
  };
  visit(ast, null, '');
  return ranges.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
}

/** Removes `[start, end)` and the comma that separated it from its neighbours, if any. */
function withoutElement(code: string, start: number, end: number): string {
  const after = /^\s*,\s*/.exec(code.slice(end));
  if (after) return code.slice(0, start) + code.slice(end + after[0].length);
  const before = /\s*,\s*$/.exec(code.slice(0, start));
  if (before) return code.slice(0, start - before[0].length) + code.slice(end);
  return code.slice(0, start) + code.slice(end);
}

export function minimise(program: Program, failure: Failure, rules: RuleMap, seed: number, budget = MINIMISE_BUDGET): Program {
  if (failure.kind === 'input-does-not-parse') return program;
  const onlyRule: RuleMap = failure.rule && rules[failure.rule] ? { [failure.rule]: rules[failure.rule]! } : rules;
  let remaining = budget;
  const reproduces = (code: string): boolean => {
    remaining--;
    const result = checkProgram({ ...program, code }, { rules: onlyRule, seed, layers: [failure.layer] });
    return result.failures.some((candidate) => candidate.kind === failure.kind && candidate.rule === failure.rule);
  };

  let code = program.code;
  if (!reproduces(code)) return program;

  // Lines, in chunks that halve down to single lines.
  let lines = code.split('\n');
  for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1 && remaining > 0; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < lines.length && remaining > 0; ) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
      if (candidate.length < lines.length && reproduces(candidate.join('\n'))) lines = candidate;
      else start += chunk;
    }
  }
  code = lines.join('\n');

  // Whole statements and list elements, largest first, until none can go.
  const target = parseTargetFor(program, failure.layer);
  let progress = true;
  while (progress && remaining > 0) {
    progress = false;
    const sourceCode = parseProgram(code, target);
    if (!sourceCode) break;
    for (const [start, end] of removableRanges(sourceCode.ast as unknown as AstNode, sourceCode.visitorKeys as Record<string, readonly string[]>)) {
      if (remaining <= 0) break;
      const candidate = withoutElement(code, start, end);
      if (parseProgram(candidate, target) && reproduces(candidate)) {
        code = candidate;
        progress = true;
        break;
      }
    }
  }
  const tidy = code.split('\n').filter((line) => line.trim() !== '').join('\n') + '\n';
  return { ...program, code: tidy !== code && remaining > 0 && reproduces(tidy) ? tidy : code };
}
