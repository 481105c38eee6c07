import request from 'supertest';
import { afterAll, afterEach, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createPool } from '../../src/db/pool';

// Every test here goes through the app's HTTP API: the whole file belongs with the acceptance
// tests, which `npx eslint-plugin-integration-tests move` does, imports included.
const pool = createPool();

afterEach(() => pool.query('TRUNCATE users'));
afterAll(() => pool.end());

it('answers 201 with the stored user', async () => {
  const response = await request(createApp()).post('/users').send({ email: 'noor@example.com', name: 'Noor' });
  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({ email: 'noor@example.com' });
});
