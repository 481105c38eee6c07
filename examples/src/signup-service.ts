import type { User, UserRepository } from './repositories/user-repository';

export class SignupService {
  constructor(private readonly users: UserRepository) {}

  async signUp(email: string, name: string): Promise<User> {
    if (await this.users.findByEmail(email)) throw new Error(`${email} is already registered`);
    return this.users.save({ email, name });
  }
}
