/**
 * `no-boundary-mock` and module mocks that hand back the real module with some exports wrapped: an
 * export whose stand-in calls or constructs the real one (`Agent: vi.fn((…) => new actual.Agent(…))`)
 * is watched, not replaced, so the finding names an export that is replaced, or there is none. A test
 * that reads an import as a mock (`vi.mocked(request)`, `expect(Agent).toHaveBeenCalled…`) relies on
 * the module mock, so no edit removes it.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-boundary-mock';

const ts = new RuleTester();

ts.run('no-boundary-mock: exports wrapped around the real ones (TypeScript)', rule, {
  valid: [
    {
      name: 'Vitest: the only export named builds the real Agent and hands it back',
      filename: 'test/integration/wait-for-healthy.test.ts',
      code: `import { Agent } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { waitForHealthy } from '../../src/health/wait-for-healthy';

vi.mock('undici', async (importOriginal) => {
  const actual = await importOriginal<typeof import('undici')>();
  return {
    ...actual,
    Agent: vi.fn((options: ConstructorParameters<typeof actual.Agent>[0]) => new actual.Agent(options)),
  };
});

describe('waitForHealthy', () => {
  it('makes one agent for its requests', async () => {
    await waitForHealthy(process.env.HEALTH_URL ?? 'http://localhost:8080/health');
    expect(Agent).toHaveBeenCalledOnce();
  });
});
`,
    },
  ],
  invalid: [
    {
      name: 'Vitest: Agent is watched and request is replaced; the test configures the replaced request',
      filename: 'test/integration/wait-for-healthy.test.ts',
      code: `import { Agent, request } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { waitForHealthy } from '../../src/health/wait-for-healthy';

const { created } = vi.hoisted(() => ({ created: [] as unknown[] }));

vi.mock('undici', async (importOriginal) => {
  const actual = await importOriginal<typeof import('undici')>();
  return {
    ...actual,
    Agent: vi.fn(function (...args: ConstructorParameters<typeof actual.Agent>) {
      const agent = new actual.Agent(...args);
      created.push(agent);
      return agent;
    }),
    request: vi.fn(),
  };
});

describe('waitForHealthy', () => {
  it('closes the agent it made', async () => {
    vi.mocked(request).mockResolvedValue({ statusCode: 200 } as never);
    await waitForHealthy('http://localhost:8080/health');
    expect(created).toHaveLength(1);
    expect(Agent).toHaveBeenCalledOnce();
  });
});
`,
      errors: [{ messageId: 'mockedHttp', line: 7, data: { what: '`request` from `undici`', kind: 'http', how: '`vi.mock`', effect: 'so its calls no longer send requests' }, suggestions: [] }],
    },
  ],
});
