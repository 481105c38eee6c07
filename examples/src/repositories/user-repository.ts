import type { Pool } from 'pg';

export interface User {
  id: number;
  email: string;
  name: string;
}

export class UserRepository {
  constructor(private readonly pool: Pool) {}

  async save(user: Omit<User, 'id'>): Promise<User> {
    const { rows } = await this.pool.query<User>(
      'INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id, email, name',
      [user.email, user.name],
    );
    return rows[0]!;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<User>('SELECT id, email, name FROM users WHERE email = $1', [email]);
    return rows[0];
  }
}
