// The same tests, each with its own data: shared infrastructure, per-test rows.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { createPool } from '../../src/db/pool';
import { UserRepository, type User } from '../../src/repositories/user-repository';

let pool: Pool;
let users: UserRepository;

beforeAll(() => {
  pool = createPool();
  users = new UserRepository(pool);
});
afterAll(() => pool.end());

// A factory gives every test a fresh object to change as it likes.
const buildUser = (overrides: Partial<Omit<User, 'id'>> = {}) => ({ email: 'ada@example.com', name: 'Ada', ...overrides });

describe('UserRepository', () => {
  let saved: User;

  beforeEach(async () => {
    saved = await users.save(buildUser({ email: 'grace@example.com', name: 'Grace' }));
  });
  afterEach(async () => {
    await pool.query('DELETE FROM users');
  });

  it('finds a saved user by email', async () => {
    expect(await users.findByEmail(saved.email)).toEqual(saved);
  });

  it('saves a second user under another email', async () => {
    const other = await users.save(buildUser({ email: 'ada+1@example.com' }));
    expect(other.id).not.toBe(saved.id);
  });

  it('saves the default user', async () => {
    expect((await users.save(buildUser())).email).toBe('ada@example.com');
  });
});
