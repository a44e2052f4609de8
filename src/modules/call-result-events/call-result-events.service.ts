import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ValidationFailedError } from '../../common/errors/gateway-error';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { timeZoneOf } from '../../config/isales-time-zones.config';
import type { CallbackGrant } from '../../edge/callback-gate';
import { LifecycleService } from '../../health/lifecycle.service';
import { recordCallbackRefused, recordCallResultsStored, recordEventStreams, recordStreamLength } from '../../telemetry/call-result-metrics';
import { CallResultEvent, MAX_RECORDS_PER_PUSH, toCallResultEvent, vdnOfRecord } from './call-result-event';
import { CallResultEventSource } from './call-result-event-source';
import { CallResultStore, StoredCallResult } from './call-result-store';
import { EventStreamSlots } from './event-stream-slots';

/** Entries read from the store at a time for one event stream. */
const EVENT_BATCH = 50;
/** How long an ended stream may take to reach its reader before its connection is cut. */
const STREAM_END_GRACE_MS = 1000;
/** EventSource's reconnection delay. */
const RETRY_MS = 2000;

export interface PushOutcome {
  stored: number;
  duplicates: number;
  refused: number;
}

/**
 * Receives iSales' pushes into the call-result store, and serves what is kept as event streams and
 * pages (docs/design.md section 18).
 */
@Injectable()
export class CallResultEventsService implements OnModuleDestroy {
  private readonly logger = new Logger('CallResults');
  private readonly slots: EventStreamSlots;
  private readonly open = new Set<CallResultEventSource>();
  private readonly heartbeatMs: number;
  private readonly zoneOf: (vdnId: number) => string;

  constructor(
    private readonly store: CallResultStore,
    @Inject(APP_CONFIG) config: AppConfig,
    lifecycle: LifecycleService,
  ) {
    const settings = config.callResults;
    const zones = config.isales.timeZones;
    this.zoneOf = (vdnId) => timeZoneOf(zones, vdnId);
    this.slots = new EventStreamSlots(settings.sseMax, settings.sseMaxPerPrincipal, recordEventStreams);
    this.heartbeatMs = settings.sseHeartbeatS * 1000;
    // Streams never end by themselves: they are ended as draining starts, so the listener can close.
    lifecycle.onStopping(() => this.closeStreams());
  }

  /**
   * Keeps each record of a push that is valid and names one of the token's VDNs, once by callId;
   * resolves once every kept record is stored (then, and only then, iSales may be told success).
   */
  async receive(grant: CallbackGrant, body: unknown): Promise<PushOutcome> {
    if (!Array.isArray(body)) throw new ValidationFailedError([{ name: 'body', reason: 'body must be a JSON array of call results' }]);
    if (body.length > MAX_RECORDS_PER_PUSH) {
      throw new ValidationFailedError([{ name: 'body', reason: `body must hold at most ${MAX_RECORDS_PER_PUSH} call results` }]);
    }
    const receivedAt = new Date().toISOString();
    const byVdn = new Map<number, CallResultEvent[]>();
    let outside = 0;
    let invalid = 0;
    for (const raw of body as unknown[]) {
      const vdnId = vdnOfRecord(raw);
      if (vdnId !== null && grant.vdns !== '*' && !grant.vdns.has(vdnId)) {
        outside += 1;
        continue;
      }
      const verdict = toCallResultEvent(raw, this.zoneOf, receivedAt);
      if ('invalid' in verdict) {
        invalid += 1;
        continue;
      }
      const list = byVdn.get(verdict.record.vdnId) ?? [];
      list.push(verdict.record);
      byVdn.set(verdict.record.vdnId, list);
    }
    if (outside > 0) recordCallbackRefused('vdn_not_allowed', outside);
    if (invalid > 0) recordCallbackRefused('invalid', invalid);
    if (outside + invalid > 0) this.logger.warn({ callback: grant.id, outsideVdns: outside, invalid }, 'call results refused');
    let stored = 0;
    let duplicates = 0;
    for (const [vdnId, records] of byVdn) {
      const outcome = await this.store.append(vdnId, records);
      recordCallResultsStored(outcome.stored, outcome.duplicates);
      recordStreamLength(vdnId, outcome.length);
      stored += outcome.stored;
      duplicates += outcome.duplicates;
    }
    return { stored, duplicates, refused: outside + invalid };
  }

  async page(vdnId: number, since: string | null, pageSize: number, campaignId: string | null): Promise<{ items: StoredCallResult[]; next: string | null }> {
    const entries = await this.store.page(vdnId, since, pageSize);
    const items = campaignId === null ? entries : entries.filter((entry) => entry.record.campaignId === campaignId);
    return { items, next: entries.length > 0 ? entries[entries.length - 1].id : since };
  }

  /**
   * Opens an event stream after `lastEventId` (or after the newest entry kept). Refused with 429/503
   * beyond the bounds, and 503 when the store does not answer, before anything is sent.
   */
  async openStream(principal: string, vdnId: number, lastEventId: string | null, campaignId: string | null): Promise<CallResultEventSource> {
    const release = this.slots.take(principal);
    try {
      const afterId = lastEventId ?? (await this.store.lastId(vdnId));
      const tail = await this.store.openTail(vdnId);
      const source = new CallResultEventSource(tail, afterId, { batch: EVENT_BATCH, heartbeatMs: this.heartbeatMs, campaignId, retryMs: RETRY_MS });
      this.open.add(source);
      source.once('close', () => {
        this.open.delete(source);
        release();
      });
      return source;
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Ends every open stream: EventSource clients reconnect, with their last id, to a replica that serves. */
  closeStreams(): void {
    for (const source of this.open) source.endStream();
    // A reader that does not read cannot take the stream's end: its connection is cut instead, so
    // that the listener closes within the grace period.
    if (this.open.size > 0) setTimeout(() => this.open.forEach((source) => source.destroy()), STREAM_END_GRACE_MS).unref();
  }

  onModuleDestroy(): void {
    this.closeStreams();
  }
}
