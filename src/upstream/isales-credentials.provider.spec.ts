import { Logger } from '@nestjs/common';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VdnNotServedError } from '../common/errors/vdn-not-served.error';
import { loadConfig } from '../config/configuration';
import { IsalesCredentials } from './isales-credentials.provider';
import { watchReplacedFile } from './credentials-file.watcher';

const BASE_URL = 'https://10.22.26.181:28080';
const pair = (ak: string, sk: string, vdns: number[] | '*') => ({ ak, sk, vdns });

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10000) throw new Error('condition never held');
    await sleep(20);
  }
}

describe('IsalesCredentials', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('picks the listed pair, then the fallback, then refuses with a 404 naming the VDN', () => {
    const config = loadConfig({ ISALES_BASE_URL: BASE_URL, ISALES_CREDENTIALS: JSON.stringify([pair('a', 'sa', [1]), pair('f', 'sf', '*')]) });
    const credentials = new IsalesCredentials(config);
    expect(credentials.forVdn(1)).toEqual({ ak: 'a', sk: 'sa' });
    expect(credentials.forVdn(2)).toEqual({ ak: 'f', sk: 'sf' });

    const narrow = new IsalesCredentials(loadConfig({ ISALES_BASE_URL: BASE_URL, ISALES_CREDENTIALS: JSON.stringify([pair('a', 'sa', [1])]) }));
    const refusal = (() => {
      try {
        narrow.forVdn(2);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(VdnNotServedError);
    expect(refusal).toMatchObject({ status: 404, detail: 'This gateway does not serve VDN 2' });
  });

  it('ISALES_AK/ISALES_SK alone sign for every VDN', () => {
    const credentials = new IsalesCredentials(loadConfig({ ISALES_BASE_URL: BASE_URL, ISALES_AK: 'ak', ISALES_SK: 'sk' }));
    expect(credentials.forVdn(9999)).toEqual({ ak: 'ak', sk: 'sk' });
  });

  describe('with ISALES_CREDENTIALS_FILE', () => {
    let dir: string;
    let file: string;
    let credentials: IsalesCredentials;
    const replace = (text: string) => {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    };

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'isales-credentials-'));
      file = join(dir, 'credentials.json');
      writeFileSync(file, JSON.stringify([pair('a', 'old', '*')]));
      credentials = new IsalesCredentials(loadConfig({ ISALES_BASE_URL: BASE_URL, ISALES_CREDENTIALS_FILE: file }));
      credentials.onModuleInit();
    });
    afterEach(() => {
      credentials.onModuleDestroy();
      rmSync(dir, { recursive: true, force: true });
    });

    it('applies a rewritten file to the next lookup; a broken one keeps the previous pairs', async () => {
      replace(JSON.stringify([pair('a', 'new', '*')]));
      await until(() => credentials.forVdn(1).sk === 'new');

      replace(JSON.stringify([pair('a', 'x', [1]), pair('b', 'y', [1])]));
      replace('[{"ak":"a","sk":"broken"');
      await sleep(500);
      expect(credentials.forVdn(1)).toEqual({ ak: 'a', sk: 'new' });

      replace(JSON.stringify([pair('a', 'newer', [1])]));
      await until(() => credentials.forVdn(1).sk === 'newer');
      expect(() => credentials.forVdn(2)).toThrow(VdnNotServedError);
    });

    it('stops watching on shutdown', async () => {
      credentials.onModuleDestroy();
      replace(JSON.stringify([pair('a', 'ignored', '*')]));
      await sleep(500);
      expect(credentials.forVdn(1).sk).toBe('old');
    });
  });
});

describe('watchReplacedFile', () => {
  it('delivers the settled text after a burst of changes, reports an unreadable file without its content, and stops when closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watched-'));
    const file = join(dir, 'doc.json');
    writeFileSync(file, 'v0');
    const texts: string[] = [];
    const errors: string[] = [];
    const watch = watchReplacedFile(file, { debounceMs: 200, pollMs: 100, onText: (t) => texts.push(t), onError: (e) => errors.push(e) });
    try {
      for (const text of ['v1', 'v2', 'v3']) writeFileSync(file, text);
      await until(() => texts.length > 0);
      await sleep(400);
      // The poll may report the same change again; the caller compares texts.
      expect(new Set(texts)).toEqual(new Set(['v3']));

      rmSync(file);
      await until(() => errors.length > 0);
      expect(errors[0]).toBe('cannot read doc.json (ENOENT)');
    } finally {
      watch.close();
    }
    const delivered = texts.length;
    writeFileSync(file, 'after close');
    await sleep(400);
    expect(texts).toHaveLength(delivered);
    rmSync(dir, { recursive: true, force: true });
  });
});
