import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome, CHROME_ARGS } from './test/support/find-chrome.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { restServerPlugin } from './test/support/rest-server-plugin.mjs';

const executablePath = findChrome();

export default {
  files: ['test/**/*.test.ts', '!test/bench/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    // Starts the reference REST server (PGlite, or PostgreSQL with DATABASE_URL) for the REST tests.
    restServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
      // A page of its own per test file: a background tab gets no animation
      // frames or resize callbacks, and tests wait for both.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
