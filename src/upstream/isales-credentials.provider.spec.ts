import { eventually } from '../../test/support/eventually';
import { Logger } from '@nestjs/common';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VdnNotServedError } from '../common/errors/vdn-not-served.error';
import { loadConfig } from '../config/configuration';
import { IsalesCredentials } from './isales-credentials.provider';
import { watchReplacedFile } from './credentials-file.watcher';

const BASE_URL = 'https://10.22.26.181:28080';
const pair = (ak: string, sk: string, vdns: number[] | '*') => ({ ak, sk, vdns });

const until = (condition: () => boolean) => eventually('the watched file applied', condition, 10000, 20);

/**
 * Resolves once a second watcher of `file` has delivered `text`: the watcher under test saw the same
 * change with the same timers, so what it did (or did not do) with it is settled, without a sleep.
 */
async function witnessed(file: string, text: string, debounceMs: number, pollMs: number): Promise<void> {
  const seen: string[] = [];
  const witness = watchReplacedFile(file, { debounceMs, pollMs, onText: (t) => seen.push(t), onError: () => undefined });
  try {
    await until(() => seen.includes(text));
  } finally {
    witness.close();
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

      const rejected = jest.spyOn(Logger.prototype, 'error');
      replace(JSON.stringify([pair('a', 'x', [1]), pair('b', 'y', [1])]));
      replace('[{"ak":"a","sk":"broken"');
      await until(() => rejected.mock.calls.some(([, message]) => String(message).includes('rejected')));
      rejected.mockRestore();
      expect(credentials.forVdn(1)).toEqual({ ak: 'a', sk: 'new' });

      replace(JSON.stringify([pair('a', 'newer', [1])]));
      await until(() => credentials.forVdn(1).sk === 'newer');
      expect(() => credentials.forVdn(2)).toThrow(VdnNotServedError);
    });

    it('stops watching on shutdown', async () => {
      credentials.onModuleDestroy();
      const ignored = JSON.stringify([pair('a', 'ignored', '*')]);
      const seen = witnessed(file, ignored, 100, 5000);
      replace(ignored);
      await seen;
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
      // The poll may report the same change again; the caller compares texts.
      expect(new Set(texts)).toEqual(new Set(['v3']));

      rmSync(file);
      await until(() => errors.length > 0);
      expect(errors[0]).toBe('cannot read doc.json (ENOENT)');
    } finally {
      watch.close();
    }
    const delivered = texts.length;
    const seen = witnessed(file, 'after close', 200, 100);
    writeFileSync(file, 'after close');
    await seen;
    expect(texts).toHaveLength(delivered);
    rmSync(dir, { recursive: true, force: true });
  });
});
