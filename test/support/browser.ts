import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package (scripts/ensure-test-deps.sh installs it): never a browser build downloaded by Playwright. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Without the background-networking switches Chromium reaches out to Google's services at start,
 * which a closed network refuses and which a test has no business doing anyway. Playwright gives
 * each launch a fresh, empty --user-data-dir of its own.
 */
const SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`no Chromium at ${CHROMIUM_CANDIDATES.join(' or ')}: run scripts/ensure-test-deps.sh (apt-get install chromium)`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: SWITCHES, timeout: 60_000 });
}
