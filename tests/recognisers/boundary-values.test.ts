import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { containerOfValue } from '../../src/estree/boundary-values';
import { probe } from '../helpers/probe';

describe('containerOfValue', () => {
  function containers(code: string) {
    return probe(code, 'CallExpression', (context, node) => {
      const call = node as TSESTree.CallExpression;
      if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'stop') return null;
      const found = containerOfValue(context, call.callee.object);
      return found ? `${found.specifier}:${found.kind ?? '?'}` : 'none';
    }).map(({ result }) => result);
  }

  it.each([
    [
      'a catalog container started in beforeAll',
      `import { PostgreSqlContainer } from '@testcontainers/postgresql';\nlet container;\nbeforeAll(async () => { container = await new PostgreSqlContainer('postgres:16').start(); });\nafterAll(() => container.stop());`,
      ['@testcontainers/postgresql:database'],
    ],
    [
      'a generic container',
      `import { GenericContainer } from 'testcontainers';\nconst redis = await new GenericContainer('redis').start();\nawait redis.stop();`,
      ['testcontainers:?'],
    ],
    ['an in-memory MongoDB server', `const { MongoMemoryServer } = require('mongodb-memory-server');\nconst mongod = await MongoMemoryServer.create();\nawait mongod.stop();`, ['mongodb-memory-server:database']],
    ['a client, not a container', `import { Pool } from 'pg';\nconst pool = new Pool();\npool.stop();`, ['none']],
    ['a server of the app', `import { createServer } from 'node:http';\nconst server = createServer();\nserver.stop();`, ['none']],
  ])('%s', (_label, code, expected) => {
    expect(containers(code)).toEqual(expected);
  });
});
