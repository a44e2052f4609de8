import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { JSON_CONTENT_TYPE } from './http-io';

/**
 * One record of iSales' result callback, exactly as iSales pushes it (docs/isales/result-callback.md
 * section 1): `campaignId` a string, `callStatus` and `vdnId` ints.
 */
export interface CallbackRecord {
  campaignId: string;
  sessionId: string;
  called: string;
  callTimeStr: string;
  callStatus: number;
  failCode: string;
  vdnId: number;
  callId: string;
  customField?: string;
  recordPath: string;
}

/** The one record of the callback page's example (docs/isales/result-callback.md section 1). */
export const CALLBACK_EXAMPLE: Readonly<CallbackRecord> = {
  campaignId: '3',
  sessionId: '1202_test013',
  called: '60584',
  callTimeStr: '2020-08-30 20:00:00',
  callStatus: 6,
  failCode: '0',
  vdnId: 11,
  callId: '0023-134864174',
  recordPath: '',
};

export interface CallbackSettings {
  /**
   * Pushes per record, the first included: the tenant parameter "maximum outbound-result callback
   * calls", default 2, at most 6 (the new page; the old one says 6).
   */
  maxPushes: number;
  /** Between a failed push and the next (iSales: 10 minutes); tests set a short one. */
  retryIntervalMs: number;
  /** A receiver slower than this failed the push. */
  timeoutMs: number;
}

export const DEFAULT_CALLBACK_SETTINGS: CallbackSettings = { maxPushes: 2, retryIntervalMs: 600_000, timeoutMs: 10_000 };
export const MAX_CALLBACK_PUSHES = 6;

/** One attempt, as the simulator's push log keeps it. */
export interface CallbackPushLog {
  at: string;
  /** The callback URL with its path token masked: the log is readable by anyone with the control API. */
  url: string;
  vdnId: number;
  campaignId: string;
  callIds: string[];
  attempt: number;
  /** HTTP status, or 0 when the receiver did not answer in time or the connection failed. */
  status: number;
  /** The receiver answered 200 with retCode "0": iSales stops pushing these records. */
  accepted: boolean;
}

/** The only answer iSales takes as success (anything else is pushed again). */
function isSuccess(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    const parsed = JSON.parse(body) as { retCode?: unknown };
    return parsed !== null && typeof parsed === 'object' && parsed.retCode === '0';
  } catch {
    return false;
  }
}

function masked(url: string): string {
  const cut = url.lastIndexOf('/');
  return cut < 0 ? url : `${url.slice(0, cut + 1)}***`;
}

/**
 * POSTs `body` with only what an HTTP client must send (Host, Content-Type, Content-Length,
 * Connection): iSales' callback carries no other header, no credential and no signature.
 */
function post(url: string, body: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      { method: 'POST', headers: { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ status: 0, body: '' }));
    request.end(body);
  });
}

/**
 * The callback side of the simulator: a callback URL per campaign (as an iSales campaign has its
 * callBackUrl), pushes with iSales' retry rule (again after a non-200 or an answer other than
 * retCode "0", up to maxPushes in all, retryIntervalMs apart), and a log of every attempt.
 */
export class CallbackPusher {
  private readonly urls = new Map<string, string>();
  private readonly log: CallbackPushLog[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private calls = 0;

  constructor(
    private settings: CallbackSettings,
    private readonly wait: (ms: number) => Promise<boolean>,
    private readonly now: () => Date,
    /** A call that ended is also what callresultdetail answers for its callId. */
    private readonly onCallEnded: (record: CallbackRecord) => void = () => undefined,
  ) {}

  get pushes(): readonly CallbackPushLog[] {
    return this.log;
  }

  clearPushes(): void {
    this.log.length = 0;
  }

  configure(settings: Partial<CallbackSettings>): CallbackSettings {
    const next = { ...this.settings, ...settings };
    if (!Number.isInteger(next.maxPushes) || next.maxPushes < 1 || next.maxPushes > MAX_CALLBACK_PUSHES) {
      throw new RangeError(`maxPushes must be an integer from 1 to ${MAX_CALLBACK_PUSHES}`);
    }
    if (!Number.isInteger(next.retryIntervalMs) || next.retryIntervalMs < 0) throw new RangeError('retryIntervalMs must be an integer >= 0');
    if (!Number.isInteger(next.timeoutMs) || next.timeoutMs < 1) throw new RangeError('timeoutMs must be an integer >= 1');
    this.settings = next;
    return next;
  }

  get current(): CallbackSettings {
    return this.settings;
  }

  /** Sets (or, with null, removes) the callback URL of a campaign of a VDN. */
  setUrl(vdnId: number, campaignId: string, url: string | null): void {
    const key = `${vdnId}/${campaignId}`;
    if (url === null) {
      this.urls.delete(key);
      return;
    }
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RangeError('the callback URL must be http or https');
    this.urls.set(key, url);
  }

  urlOf(vdnId: number, campaignId: string): string | undefined {
    return this.urls.get(`${vdnId}/${campaignId}`);
  }

  /** Records for `count` calls of a campaign that just ended, with fresh callIds (also kept for callresultdetail). */
  endedCalls(vdnId: number, campaignId: string, count: number, callStatus = 6): CallbackRecord[] {
    const at = this.now();
    const wall = new Date(at.getTime()).toISOString().slice(0, 19).replace('T', ' ');
    return Array.from({ length: count }, () => {
      this.calls += 1;
      const n = this.calls;
      const record: CallbackRecord = {
        campaignId,
        sessionId: `${vdnId}_${campaignId}_${n}`,
        called: String(60000 + (n % 40000)),
        callTimeStr: wall,
        callStatus,
        failCode: callStatus === 6 ? '0' : '480',
        vdnId,
        callId: `${Math.floor(at.getTime() / 1000)}-${n}`,
        recordPath: '',
      };
      this.onCallEnded(record);
      return record;
    });
  }

  /**
   * Pushes `records` to the campaign's URL (each call's result on its own, as iSales pushes them as
   * calls end, when `onePerPush`), with the retry rule; resolves when every push is accepted or
   * has used up its attempts. Without a URL for the campaign nothing is pushed.
   */
  push(vdnId: number, campaignId: string, records: readonly unknown[], onePerPush = false): Promise<void> {
    const url = this.urlOf(vdnId, campaignId);
    if (url === undefined) return Promise.resolve();
    const batches = onePerPush ? records.map((record) => [record]) : [records];
    const done = Promise.all(batches.map((batch) => this.deliver(url, vdnId, campaignId, batch))).then(() => undefined);
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  /** Resolves when every push started so far is settled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(url: string, vdnId: number, campaignId: string, records: readonly unknown[]): Promise<void> {
    const body = JSON.stringify(records);
    const callIds = records.map((record) => String((record as { callId?: unknown }).callId));
    for (let attempt = 1; attempt <= this.settings.maxPushes; attempt++) {
      if (attempt > 1 && !(await this.wait(this.settings.retryIntervalMs))) return;
      const answer = await post(url, body, this.settings.timeoutMs);
      const accepted = isSuccess(answer.status, answer.body);
      this.log.push({ at: this.now().toISOString(), url: masked(url), vdnId, campaignId, callIds, attempt, status: answer.status, accepted });
      if (accepted) return;
    }
  }
}
