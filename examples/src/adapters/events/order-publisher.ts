import type { Channel } from 'amqplib';

export class OrderPublisher {
  constructor(private readonly channel: Channel, private readonly exchange = 'orders') {}

  async orderPlaced(orderId: string): Promise<void> {
    this.channel.publish(this.exchange, 'order.placed', Buffer.from(JSON.stringify({ orderId })));
  }
}
