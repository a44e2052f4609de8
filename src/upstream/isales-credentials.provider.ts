import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { VdnNotServedError } from '../common/errors/vdn-not-served.error';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { documentFingerprint, IsalesCredentialsConfig } from '../config/isales-credentials.config';
import { CredentialTable, describeTable, parseCredentialsDocument } from '../config/isales-credentials.document';
import { C2Credentials } from './c2-signer';
import { FileWatch, watchReplacedFile } from './credentials-file.watcher';

/** A Secret swap is a burst of renames; one read after it settles. */
const DEBOUNCE_MS = 100;
/** Backs up the directory watch; kubelet itself only syncs Secrets every minute or so. */
const POLL_MS = 5000;

/**
 * The AK/SK pair for each VDN (docs/design.md section 12). The table is swapped whole when
 * ISALES_CREDENTIALS_FILE changes, so a call signs with the old pairs or the new ones, never a
 * mix, and a call already sent is untouched. A document that does not parse keeps the old pairs.
 */
@Injectable()
export class IsalesCredentials implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IsalesCredentials.name);
  private readonly config: IsalesCredentialsConfig;
  private table: CredentialTable;
  /** Of the last text read, applied or rejected: both watches report one change, and it is handled once. */
  private lastSeen: string | undefined;
  private watch: FileWatch | undefined;

  constructor(@Inject(APP_CONFIG) appConfig: AppConfig) {
    this.config = appConfig.isales.credentials;
    this.table = this.config.table;
    this.lastSeen = this.config.source === 'ISALES_CREDENTIALS_FILE' ? this.config.fingerprint : undefined;
  }

  /** The pair that signs for `vdnId`; throws VdnNotServedError (404) when none covers it. */
  forVdn(vdnId: number): C2Credentials {
    const pair = this.table.byVdn.get(vdnId) ?? this.table.fallback;
    if (!pair) throw new VdnNotServedError(vdnId);
    return pair;
  }

  onModuleInit(): void {
    if (this.config.source !== 'ISALES_CREDENTIALS_FILE') return;
    const file = this.config.file;
    this.logger.log({ file, ...describeTable(this.table) }, 'iSales credentials loaded; watching the file for rotations');
    this.watch = watchReplacedFile(file, {
      debounceMs: DEBOUNCE_MS,
      pollMs: POLL_MS,
      onText: (text) => this.apply(file, text),
      onError: (reason) => this.logger.warn({ file, reason }, 'iSales credentials file: keeping the current pairs'),
    });
  }

  onModuleDestroy(): void {
    this.watch?.close();
    this.watch = undefined;
  }

  private apply(file: string, text: string): void {
    const fingerprint = documentFingerprint(text);
    if (fingerprint === this.lastSeen) return;
    this.lastSeen = fingerprint;
    const parsed = parseCredentialsDocument(text);
    if (!parsed.ok) {
      // Problems name pairs by position and VDNs by number, never a string of the document.
      this.logger.error(
        { file, variable: 'ISALES_CREDENTIALS_FILE', problems: parsed.problems },
        'iSales credentials file rejected; keeping the previous pairs',
      );
      return;
    }
    this.table = parsed.table;
    this.logger.log({ file, ...describeTable(parsed.table) }, 'iSales credentials reloaded');
  }
}
