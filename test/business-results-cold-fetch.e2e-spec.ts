import { eventually } from './support/eventually';
import { sendSigned } from '../simulator/signed-client';
import { TEST_AK, TEST_SK, useStack } from './support/harness';

// A cold tree: page 1 tells the total, and the remaining pages are then requested together.
describe('business results, cold', () => {
  const stack = useStack();

  /** The parents' codes of upstream pages 1..3, in iSales' order, asked of the simulator directly. */
  async function upstreamCodes(vdnId: number): Promise<string[]> {
    const codes: string[] = [];
    for (const pageNum of [1, 2, 3]) {
      const path = `/rest/isales/v1/openapi/campaigns/${vdnId}/queryBusinessResults?pageSize=50&pageNum=${pageNum}`;
      const page = (await sendSigned(stack.simulator.url, { method: 'GET', path }, { ak: TEST_AK, sk: TEST_SK })).json<{ data: Array<{ code: string }> }>();
      codes.push(...page.data.map((d) => d.code));
    }
    return codes;
  }

  it('requests the remaining pages together once the first page gave the total, and keeps iSales order', async () => {
    // VDN 2 holds 120 parents: pages 1..3 at iSales' page size of 50. Each answer takes 1.5 s, so
    // pages fetched one after another could never be in flight at the same time.
    stack.simulator.setFault('queryBusinessResults', { latencyMs: 1500 });
    const reading = stack.get('/api/v1/vdns/2/business-results?pageSize=100');
    const later = () => stack.simulator.requests.filter((r) => r.operation === 'queryBusinessResults' && r.query.pageNum !== '1');
    await eventually('pages 2 and 3 requested while page 1 is answered', () => later().length >= 2, 15000, 10);
    expect(
      later()
        .map((r) => [r.query.pageNum, r.status])
        .sort(),
    ).toEqual([
      ['2', 0],
      ['3', 0],
    ]);

    const first = (await (await reading).json()) as { total: number; items: Array<{ code: string }> };
    const second = (await (await stack.get('/api/v1/vdns/2/business-results?pageSize=100&page=2')).json()) as { items: Array<{ code: string }> };
    expect(first.total).toBe(120);
    stack.simulator.clearFaults();
    expect([...first.items, ...second.items].map((i) => i.code)).toEqual(await upstreamCodes(2));
  });
});
