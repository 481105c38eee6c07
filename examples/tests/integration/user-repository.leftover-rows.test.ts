// The pool is shared as it should be, but every test leaves its users in the table: the second
// test only passes while it runs alone. `require-cleanup` reports the first write.
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository (rows left behind)', () => {
  let pool: Pool;
  let users: UserRepository;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    users = new UserRepository(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('finds a saved user by email', async () => {
    await users.save({ email: 'grace@example.com', name: 'Grace' });

    expect(await users.findByEmail('grace@example.com')).toMatchObject({ name: 'Grace' });
  });

  it('knows nothing about an email nobody registered', async () => {
    const { rows } = await pool.query('SELECT count(*)::int AS count FROM users');

    expect(rows[0].count).toBe(0);
  });
});
