// The right way beside `user-repository.leftover-rows.test.ts`: the pool is built once for the file,
// and the table is emptied after every test, so each test starts from an empty table.
import { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';

describe('UserRepository', () => {
  let pool: Pool;
  let users: UserRepository;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
    users = new UserRepository(pool);
  });

  afterEach(async () => {
    await pool.query('TRUNCATE users RESTART IDENTITY');
  });

  afterAll(async () => {
    await pool.end();
  });

  it('finds a saved user by email', async () => {
    await users.save({ email: 'grace@example.com', name: 'Grace' });

    expect(await users.findByEmail('grace@example.com')).toMatchObject({ name: 'Grace' });
  });

  it('knows nothing about an email nobody registered', async () => {
    expect(await users.findByEmail('nobody@example.com')).toBeUndefined();
  });
});
