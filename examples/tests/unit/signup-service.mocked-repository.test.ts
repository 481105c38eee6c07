// The service's logic, with the repository replaced: no database, runs anywhere in milliseconds.
import { describe, expect, it, vi } from 'vitest';
import { UserRepository } from '../../src/repositories/user-repository';
import { SignupService } from '../../src/signup-service';

vi.mock('../../src/repositories/user-repository');

describe('SignupService', () => {
  it('rejects an email that is already registered', async () => {
    const users = vi.mocked(new UserRepository(undefined as never));
    users.findByEmail.mockResolvedValue({ id: 1, email: 'ada@example.com', name: 'Ada' });

    await expect(new SignupService(users).signUp('ada@example.com', 'Ada')).rejects.toThrow('already registered');
    expect(users.save).not.toHaveBeenCalled();
  });

  it('saves a new user', async () => {
    const users = vi.mocked(new UserRepository(undefined as never));
    users.findByEmail.mockResolvedValue(undefined);
    users.save.mockResolvedValue({ id: 2, email: 'grace@example.com', name: 'Grace' });

    expect(await new SignupService(users).signUp('grace@example.com', 'Grace')).toMatchObject({ id: 2 });
  });
});
