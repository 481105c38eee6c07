import request from 'supertest';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createPool } from '../../src/db/pool';
import { UserRepository } from '../../src/repositories/user-repository';

const pool = createPool();
const users = new UserRepository(pool);

afterEach(() => pool.query('TRUNCATE users'));
afterAll(() => pool.end());

describe('user registration', () => {
  // Drives the whole app over HTTP: routing, JSON parsing and the repository all take part.
  // That is an acceptance test (see tests/acceptance/user-registration.test.ts).
  it('stores a user posted to /users', async () => {
    await request(createApp()).post('/users').send({ email: 'ada@example.com', name: 'Ada' }).expect(201);
    expect(await users.findByEmail('ada@example.com')).toMatchObject({ name: 'Ada' });
  });

  // The integration test of the same behaviour: the repository against the real database.
  it('stores a user', async () => {
    await users.save({ email: 'grace@example.com', name: 'Grace' });
    expect(await users.findByEmail('grace@example.com')).toMatchObject({ name: 'Grace' });
  });
});
