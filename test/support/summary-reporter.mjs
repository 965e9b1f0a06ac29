// Prints one plain "N passed, N failed, N skipped" line when the run ends, so
// CI and people can read the outcome at a glance.
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        if (!suite) return;
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      let brokenFiles = 0;
      for (const session of sessions) {
        walk(session.testResults);
        if (!session.passed && (session.errors?.length ?? 0) > 0) brokenFiles += 1;
      }
      // A file that fails to load has no test results; count it as a failure.
      failed += brokenFiles;
      process.on('exit', () => {
        console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
      });
    },
  };
}
