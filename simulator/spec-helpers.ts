import { DEFAULT_AK, DEFAULT_SK, type Simulator } from './simulator';
import { sendSigned, type RawResponse, type SignOptions } from './signed-client';

// Shared by the simulator's *.spec.ts files.

export const CREDENTIALS: SignOptions = { ak: DEFAULT_AK, sk: DEFAULT_SK };
export const BASE = '/rest/isales/v1/openapi/campaigns';

export { startSimulator } from './simulator';

export function post(simulator: Simulator, path: string, body: unknown, timeoutMs?: number): Promise<RawResponse> {
  return sendSigned(simulator.url, { method: 'POST', path: `${BASE}/${path}`, body, timeoutMs }, CREDENTIALS);
}

export function get(simulator: Simulator, path: string, timeoutMs?: number): Promise<RawResponse> {
  return sendSigned(simulator.url, { method: 'GET', path: `${BASE}/${path}`, timeoutMs }, CREDENTIALS);
}
