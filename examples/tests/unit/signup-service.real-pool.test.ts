// A unit test that needs a running PostgreSQL: slow, and it fails on any machine without one.
import { Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';
import { SignupService } from '../../src/signup-service';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

describe('SignupService', () => {
  afterAll(() => pool.end());

  it('rejects an email that is already registered', async () => {
    const service = new SignupService(new UserRepository(pool));
    await service.signUp('ada@example.com', 'Ada');

    await expect(service.signUp('ada@example.com', 'Ada again')).rejects.toThrow('already registered');
  });
});
