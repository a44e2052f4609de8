import { HttpService } from '@nestjs/axios';
import { AxiosAdapter } from 'axios';
import { firstValueFrom } from 'rxjs';
import { Agent } from 'undici';
import { IsalesConfig } from '../config/isales.config';
import { IsalesTransport, TransportFailure, TransportRequest, TransportResponse } from './isales-transport';
import { undiciAxiosAdapter } from './undici-axios-adapter';
import { createUpstreamAgent } from './undici-exchange';

/** `@nestjs/axios` over an undici adapter; bodies travel as text so the client sees the exact bytes. */
export class AxiosTransport extends IsalesTransport {
  private readonly agent: Agent;
  private readonly adapter: AxiosAdapter;

  constructor(
    private readonly http: HttpService,
    config: IsalesConfig,
  ) {
    super();
    this.agent = createUpstreamAgent(config);
    this.adapter = undiciAxiosAdapter(this.agent);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    try {
      const response = await firstValueFrom(
        this.http.request<string>({
          method: request.method,
          url: request.url.toString(),
          headers: request.headers,
          data: request.body,
          responseType: 'text',
          transformResponse: [(data: string) => data],
          transitional: { forcedJSONParsing: false, silentJSONParsing: false },
          validateStatus: () => true,
          maxRedirects: 0,
          timeout: request.timeoutMs,
          adapter: this.adapter,
          proxy: false,
        }),
      );
      const retryAfter = response.headers['retry-after'];
      return { status: response.status, body: response.data, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined };
    } catch (error) {
      throw error instanceof TransportFailure ? error : new TransportFailure('connection', 'network error');
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.destroy();
  }
}
