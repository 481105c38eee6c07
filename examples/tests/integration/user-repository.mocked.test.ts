import { Pool } from 'pg';
import { UserRepository } from '../../src/repositories/user-repository';

// The driver and its query results are made up here, so the SQL in UserRepository never runs
// against PostgreSQL: a typo in a column name would still pass.
jest.mock('pg');

describe('UserRepository', () => {
  const pool = new Pool();
  const users = new UserRepository(pool);

  it('finds a user by email', async () => {
    jest.spyOn(pool, 'query').mockResolvedValue({ rows: [{ id: 1, email: 'ada@example.com', name: 'Ada' }] } as never);

    await expect(users.findByEmail('ada@example.com')).resolves.toMatchObject({ name: 'Ada' });
  });
});
