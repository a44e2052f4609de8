/** A request's init: the method and, when there is a body, the body serialised once with its content type. */
export function jsonInit(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  if (body === undefined) return { method, headers };
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/**
 * POSTs `body` to `path` through `stack`, expects 201 and returns what was created; the simulator's
 * request log is cleared after it, so that a test sees only the calls of what it does next.
 */
export async function createdThrough<T>(
  stack: { request(path: string, init?: RequestInit): Promise<Response>; simulator: { clearRequests(): void } },
  path: string,
  body: unknown,
): Promise<T> {
  const response = await stack.request(path, jsonInit('POST', body));
  expect(response.status).toBe(201);
  const resource = (await response.json()) as T;
  stack.simulator.clearRequests();
  return resource;
}
