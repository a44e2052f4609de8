import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { IsalesConfig } from '../config/isales.config';
import { IsalesTransport, TransportFailure, TransportRequest, TransportResponse } from './isales-transport';
import { networkErrorFacts, networkFailureKind } from './network-errors';

/** `@nestjs/axios` over keep-alive agents; bodies travel as text so the client sees the exact bytes. */
export class AxiosTransport extends IsalesTransport {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  private readonly httpsAgent: HttpsAgent;

  constructor(
    private readonly http: HttpService,
    config: IsalesConfig,
  ) {
    super();
    this.httpsAgent = new HttpsAgent({
      keepAlive: true,
      maxSockets: 256,
      ca: config.tlsCaFile ? readFileSync(config.tlsCaFile) : undefined,
      rejectUnauthorized: config.tlsRejectUnauthorized,
    });
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const deadline = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
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
          decompress: true,
          signal: deadline,
          httpAgent: this.httpAgent,
          httpsAgent: this.httpsAgent,
          proxy: false,
        }),
      );
      const retryAfter = response.headers['retry-after'];
      return {
        status: response.status,
        body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      };
    } catch (error) {
      if (deadline.aborted) throw new TransportFailure('timeout', 'deadline exceeded');
      const facts = networkErrorFacts(error);
      throw new TransportFailure(networkFailureKind(facts), facts.code ?? 'network error');
    }
  }

  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
