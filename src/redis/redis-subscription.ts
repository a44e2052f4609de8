import type { Cluster, Redis } from 'ioredis';

export interface SubscriptionHandlers {
  /** A message published on the channel. */
  message(text: string): void;
  /** The subscription is (again) confirmed: whatever was published while it was not is lost. */
  subscribed(): void;
}

/**
 * One channel, subscribed through a connection of its own (a subscribed connection can run no other
 * command), again on every (re)connection. Until a subscription is confirmed nothing counts as heard.
 */
export class RedisSubscription {
  private active = false;
  /** Settles when the first subscription is confirmed (part of the start-up wait). */
  readonly firstConfirmed: Promise<void>;

  constructor(connection: Redis | Cluster, channel: string, handlers: SubscriptionHandlers) {
    let confirmFirst: () => void = () => undefined;
    this.firstConfirmed = new Promise((resolve) => (confirmFirst = resolve));
    const lost = () => {
      this.active = false;
    };
    connection.on('error', lost);
    connection.on('close', lost);
    connection.on('ready', () => {
      connection.subscribe(channel).then(() => {
        this.active = true;
        handlers.subscribed();
        confirmFirst();
      }, lost);
    });
    connection.on('message', (from: string, text: string) => {
      if (from === channel) handlers.message(text);
    });
  }

  /** Whether messages on the channel reach this replica right now. */
  get subscribed(): boolean {
    return this.active;
  }
}
