// Finds a Chromium or Chrome for the tests and benchmarks: CHROME_PATH first,
// then the usual install locations. Exits with one actionable line if none.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to "${fromEnv}", but no file is there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) fail('No Chromium or Chrome found.');
  return found;
}

function fail(why) {
  console.error(
    `dealkit: ${why} Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to its executable.`,
  );
  process.exit(1);
}

/** Flags for a headless Chromium on a closed network, also as root. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
