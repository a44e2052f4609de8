import { CacheUnavailableError } from './cache-store';
import { MemoryCacheStore } from './memory-cache.store';

/** A store whose chosen commands fail as an unreachable Redis would. */
export class FlakyStore extends MemoryCacheStore {
  readonly failing = new Set<string>();
  reads = 0;
  deaf = false;

  private check(command: string): void {
    if (this.failing.has(command)) throw new CacheUnavailableError('down');
  }
  override hearsInvalidations(): boolean {
    return !this.deaf;
  }
  override async hmget(key: string, fields: readonly string[]) {
    this.reads++;
    this.check('hmget');
    return super.hmget(key, fields);
  }
  override async hset(key: string, fields: Readonly<Record<string, string>>, ttlMs: number) {
    this.check('hset');
    return super.hset(key, fields, ttlMs);
  }
  override async del(key: string) {
    this.check('del');
    return super.del(key);
  }
}
