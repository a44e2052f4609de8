export interface DemoUrls {
  gatewayUrl: string;
  simulatorUrl: string;
  metricsUrl: string;
  /** The key Swagger UI's Authorize and the curl examples need; undefined while the gateway checks none. */
  apiKey: string | undefined;
}

/** What `npm run demo` prints once the gateway is ready: where to look, and with which key. */
export function demoBanner({ gatewayUrl, simulatorUrl, metricsUrl, apiKey }: DemoUrls): string {
  const rows: Array<[string, string]> = [
    ['Swagger UI', `${gatewayUrl}/docs`],
    ['OpenAPI document', `${gatewayUrl}/docs/openapi.json`],
    ['metrics', metricsUrl],
    ['demo API key', apiKey ? `${apiKey}   (header X-API-Key, or Authorize in Swagger UI)` : '(none needed: this build checks no credentials)'],
    ['try', `curl${apiKey ? ` -H 'X-API-Key: ${apiKey}'` : ''} '${gatewayUrl}/api/v1/vdns/1/file-servers'`],
    ['fake iSales', `${simulatorUrl}   (the simulator: VDN 1 holds Huawei's examples, 2 and up generated data)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  const rule = '-'.repeat(Math.max(...lines.map((line) => line.length)) + 2);
  return ['', rule, '  isales-gateway demo is ready (Ctrl-C stops it)', rule, ...lines, rule, ''].join('\n');
}
