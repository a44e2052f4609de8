import { AxiosAdapter, AxiosHeaders, AxiosResponse } from 'axios';
import { Dispatcher } from 'undici';
import { exchange } from './undici-exchange';

/** axios over undici: the request goes through `exchange`, TransportFailure propagates unchanged. */
export function undiciAxiosAdapter(dispatcher: Dispatcher): AxiosAdapter {
  return async (config) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await exchange(dispatcher, {
      method: (config.method ?? 'get').toUpperCase() as 'GET' | 'POST',
      url: new URL(config.url!),
      headers,
      body: typeof config.data === 'string' ? config.data : undefined,
      timeoutMs: config.timeout ?? 0,
    });
    const result: AxiosResponse<string> = {
      data: response.body,
      status: response.status,
      statusText: '',
      headers: response.retryAfter === undefined ? {} : { 'retry-after': response.retryAfter },
      config,
    };
    return result;
  };
}
