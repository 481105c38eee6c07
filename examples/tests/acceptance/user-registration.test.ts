import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app';

// Acceptance tests drive the whole app through its entry points, so supertest and requests to
// the running server belong here.
let server: Server;

beforeAll(() => {
  server = createApp().listen(0);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('registers a user through the API', async () => {
  const response = await request(server).post('/users').send({ email: 'ada@example.com', name: 'Ada' }).expect(201);
  expect(response.body).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
});

it('answers a client on the network port', async () => {
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://localhost:${port}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'grace@example.com', name: 'Grace' }),
  });
  expect(response.status).toBe(201);
});
