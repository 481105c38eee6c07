// Shared test data: the tests below pass or fail depending on which ran first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/db/pool';
import { UserRepository, type User } from '../../src/repositories/user-repository';

// The pool is infrastructure: one for the whole file is what we want.
const pool = createPool();
const users = new UserRepository(pool);

// One object for every test, and the second test changes it.
const newUser = { email: 'ada@example.com', name: 'Ada' };

describe('UserRepository', () => {
  let saved: User;

  // Saved once and read by every test: each test sees what the others did to it.
  beforeAll(async () => {
    saved = await users.save({ email: 'grace@example.com', name: 'Grace' });
  });
  afterAll(async () => {
    await pool.query('DELETE FROM users');
    await pool.end();
  });

  it('finds a saved user by email', async () => {
    expect(await users.findByEmail(saved.email)).toEqual(saved);
  });

  it('saves a second user under another email', async () => {
    newUser.email = 'ada+1@example.com';
    const other = await users.save(newUser);
    expect(other.id).not.toBe(saved.id);
  });

  it('saves the default user', async () => {
    expect((await users.save(newUser)).email).toBe('ada@example.com');
  });
});
