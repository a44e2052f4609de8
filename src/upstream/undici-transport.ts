import { Agent } from 'undici';
import { IsalesConfig } from '../config/isales.config';
import { IsalesTransport, TransportRequest, TransportResponse } from './isales-transport';
import { createUpstreamAgent, exchange } from './undici-exchange';

/** undici straight from the seam: a keep-alive Pool per origin, the deadline, and the bytes as text. */
export class UndiciTransport extends IsalesTransport {
  private readonly agent: Agent;

  constructor(config: IsalesConfig) {
    super();
    this.agent = createUpstreamAgent(config);
  }

  send(request: TransportRequest): Promise<TransportResponse> {
    return exchange(this.agent, request);
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.destroy();
  }
}
