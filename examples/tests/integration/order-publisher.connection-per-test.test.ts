// Every test opens and closes its own broker connection: `prefer-shared-infrastructure` reports the
// connect in `beforeEach` and offers to move it into `beforeAll` (and its close into `afterAll`),
// leaving the per-test queue purge where it is.
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderPublisher } from '../../src/adapters/events/order-publisher';

const QUEUE = 'orders.placed.test';

describe('OrderPublisher (a connection per test)', () => {
  let connection: ChannelModel;
  let channel: Channel;

  beforeEach(async () => {
    connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
    channel = await connection.createChannel();
    await channel.assertExchange('orders', 'topic');
    await channel.assertQueue(QUEUE);
    await channel.bindQueue(QUEUE, 'orders', 'order.placed');
  });

  afterEach(async () => {
    await channel.purgeQueue(QUEUE);
    await connection.close();
  });

  it('publishes the id of a placed order', async () => {
    await new OrderPublisher(channel).orderPlaced('order-1');

    const message = await channel.get(QUEUE);
    expect(message && JSON.parse(message.content.toString())).toEqual({ orderId: 'order-1' });
  });
});
