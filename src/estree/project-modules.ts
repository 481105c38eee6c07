import type { TSESLint } from '@typescript-eslint/utils';
import type { ModuleIdentity, ModuleSummaryResult } from '../core/module-summary';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The one identity of a module a file loads. Placeholder until the resolver lands: every
 * non-relative specifier is a package and relative ones are unresolved.
 */
export function moduleIdentityOf(_context: Context, specifier: string): ModuleIdentity {
  if (specifier.startsWith('node:')) return { type: 'builtin', name: specifier.slice(5) };
  if (specifier.startsWith('.') || specifier.startsWith('/')) return { type: 'unresolved', specifier };
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return { type: 'package', name, subpath: specifier.slice(name.length).replace(/^\//, '') };
}

/**
 * The summary of a project module a file loads: `null` when the specifier is not a project
 * module (a package or a built-in), `'unknown'` when it is, or may be, but cannot be read.
 */
export function summaryOfSpecifier(context: Context, specifier: string): ModuleSummaryResult | null {
  const identity = moduleIdentityOf(context, specifier);
  return identity.type === 'package' || identity.type === 'builtin' ? null : 'unknown';
}
