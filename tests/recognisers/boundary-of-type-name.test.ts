import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { boundaryOfTypeName } from '../../src/estree/boundary-values';
import { probe } from '../helpers/probe';

/** The boundary kind of the type named in `double<…>()`, for every such call in `code`. */
function kindsOf(code: string, settings?: Record<string, unknown>): Array<string | null> {
  return probe(code, 'CallExpression', (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'double') return null;
    const typeArgument = call.typeArguments?.params[0];
    let name: TSESTree.Node | undefined =
      typeArgument?.type === 'TSTypeReference' ? typeArgument.typeName : typeArgument?.type === 'TSTypeQuery' ? typeArgument.exprName : undefined;
    while (name?.type === 'TSQualifiedName') name = name.left;
    if (name?.type !== 'Identifier') return 'no name';
    return boundaryOfTypeName(context, name)?.kind ?? 'none';
  }, { settings }).map(({ result }) => (result === 'none' ? null : result));
}

describe('boundaryOfTypeName', () => {
  it.each([
    ['a type-only import', `import type { PrismaClient } from '@prisma/client';\ndouble<PrismaClient>();`, 'database'],
    ['an inline type import', `import { type Redis } from 'ioredis';\ndouble<Redis>();`, 'cache'],
    ['a value import used as a type', `import { Pool } from 'pg';\ndouble<Pool>();`, 'database'],
    ['a qualified name through a namespace', `import type * as amqp from 'amqplib';\ndouble<amqp.Channel>();`, 'queue'],
    ['typeof a value made from a boundary', `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\ndouble<typeof prisma>();`, 'database'],
    ['a type from a module that is no boundary', `import type { Logger } from 'pino';\ndouble<Logger>();`, null],
    ['a type declared in the file', `interface Clock { now(): Date }\ndouble<Clock>();`, null],
    ['an undeclared type', `double<Mailer>();`, null],
  ])('%s', (_label, code, expected) => {
    expect(kindsOf(code)).toEqual([expected]);
  });

  it('finds user adapters declared in settings, relative to the linted file', () => {
    const code = `import type { UserRepository } from '../../src/repositories/user-repository';\ndouble<UserRepository>();`;
    const settings = { 'integration-tests': { boundaries: { database: ['src/repositories/**'] } } };
    expect(kindsOf(code, settings)).toEqual(['database']);
  });
});
