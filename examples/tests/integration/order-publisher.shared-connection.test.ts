// The right way beside `order-publisher.connection-per-test.test.ts`: one connection for the file,
// a fresh channel and an empty queue for every test.
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrderPublisher } from '../../src/adapters/events/order-publisher';

const QUEUE = 'orders.placed.test';

describe('OrderPublisher', () => {
  let connection: ChannelModel;
  let channel: Channel;

  beforeAll(async () => {
    connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
  });

  beforeEach(async () => {
    channel = await connection.createChannel();
    await channel.assertExchange('orders', 'topic');
    await channel.assertQueue(QUEUE);
    await channel.bindQueue(QUEUE, 'orders', 'order.placed');
  });

  afterEach(async () => {
    await channel.purgeQueue(QUEUE);
  });

  afterAll(async () => {
    await connection.close();
  });

  it('publishes the id of a placed order', async () => {
    await new OrderPublisher(channel).orderPlaced('order-1');

    const message = await channel.get(QUEUE);
    expect(message && JSON.parse(message.content.toString())).toEqual({ orderId: 'order-1' });
  });
});
