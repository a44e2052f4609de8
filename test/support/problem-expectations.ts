import { ProblemDetails } from '../../src/common/errors/problem';
import { ISALES_ERROR_TABLES, IsalesOperation, OUTCOME_STATUS, UpstreamOutcome } from '../../src/upstream/operations.catalogue';
import type { Simulator } from '../../simulator/simulator';

const PROBLEM = /^application\/problem\+json/;

interface SimulatorLog {
  simulator: { requests: readonly unknown[] };
}

/** A raw Response, or what the typed client answers (whose `error` is the body it already read). */
export type Answer = Response | { response: Response; error?: unknown };

async function problemOf(answer: Answer): Promise<{ response: Response; body: ProblemDetails }> {
  if (answer instanceof Response) return { response: answer, body: (await answer.json()) as ProblemDetails };
  return { response: answer.response, body: answer.error as ProblemDetails };
}

/** The body of a problem answer, once its content type says it is one. */
export async function problemBody(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  return (await response.json()) as ProblemDetails;
}

/** A 400 validation problem naming `param`, answered without any call to iSales; its body. */
export async function expectRejectedBeforeUpstream(stack: SimulatorLog, answer: Answer, param: string): Promise<ProblemDetails> {
  const { response, body } = await problemOf(answer);
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  expect(body.type).toBe('urn:isales-gateway:problem:validation-failed');
  expect(body.invalidParams?.map((p) => p.name)).toContain(param);
  expect(stack.simulator.requests).toHaveLength(0);
  return body;
}

/** The iSales business `code` (injected with description 'x') came back as its mapped status, after one upstream call; its body. */
export async function expectUpstreamCodeMapped(stack: SimulatorLog, answer: Answer, code: string, outcome: UpstreamOutcome): Promise<ProblemDetails> {
  const { response, body } = await problemOf(answer);
  const status = OUTCOME_STATUS[outcome];
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  if (status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(body.status).toBe(status);
  expect(body.upstream).toEqual({ code, description: 'x' });
  expect(stack.simulator.requests).toHaveLength(1);
  return body;
}

/** Any problem answer: `status`, problem+json, and the request id in the body and in X-Request-Id. */
export async function expectProblem(response: Response, status: number): Promise<ProblemDetails> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  const body = (await response.json()) as ProblemDetails;
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:isales-gateway:problem:/) });
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  return body;
}

/**
 * A test per business code in the error table of each operation of `routes` (but the "operation code"
 * pairs of `skip`): iSales answers the code (description 'x') to the route's one call, and the answer
 * is the code's mapped problem. Call it inside `describe`.
 */
export function itMapsEachUpstreamCode(
  stack: { simulator: Pick<Simulator, 'setFault' | 'requests'> },
  routes: Partial<Record<IsalesOperation, () => Promise<Answer>>>,
  skip: ReadonlySet<string> = new Set(),
): void {
  const rows = Object.entries(routes).flatMap(([operation, call]) =>
    Object.entries(ISALES_ERROR_TABLES[operation as IsalesOperation])
      .filter(([code]) => !skip.has(`${operation} ${code}`))
      .map(([code, outcome]) => [operation as IsalesOperation, code, outcome, call] as const),
  );
  it.each(rows)('%s %s -> %s', async (operation, code, outcome, call) => {
    stack.simulator.setFault(operation, { resultCode: code, resultDesc: 'x' });
    await expectUpstreamCodeMapped(stack, await call(), code, outcome);
  });
}

/** A write iSales answered with HTTP 503 is not retried: one call to `operation`, and a 502. */
export async function expectWriteNotRetried(
  stack: { simulator: Pick<Simulator, 'setFault' | 'requests'> },
  operation: IsalesOperation,
  call: () => Promise<Response>,
): Promise<void> {
  stack.simulator.setFault(operation, { httpStatus: 503 });
  expect((await call()).status).toBe(502);
  expect(stack.simulator.requests.map((r) => r.operation)).toEqual([operation]);
}
