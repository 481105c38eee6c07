import express from 'express';
import { createPool } from './db/pool';
import { UserRepository } from './repositories/user-repository';

export function createApp() {
  const app = express();
  const users = new UserRepository(createPool());
  app.use(express.json());
  app.post('/users', async (req, res) => {
    res.status(201).json(await users.save(req.body));
  });
  return app;
}
