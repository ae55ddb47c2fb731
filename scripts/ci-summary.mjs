// Reads vitest's JSON report and prints the closing line CI recognises: `N passed, N failed`.
// A test file that failed to load, or an unhandled error, counts as one failure; zero tests run is a failure.
// Usage: node scripts/ci-summary.mjs test-results/vitest.json [startedAtEpochSeconds]
import { existsSync, readFileSync } from 'node:fs';

const [file = 'test-results/vitest.json', startedAt] = process.argv.slice(2);

if (!existsSync(file)) {
  console.log(`[ci] no vitest report at ${file}: type check, build or vitest failed before running the tests`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const report = JSON.parse(readFileSync(file, 'utf8'));
const files = report.testResults ?? [];
const passed = report.numPassedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
let failed = report.numFailedTests ?? 0;

// Files that failed without a failing test (syntax error, failing import, failing beforeAll…).
const brokenFiles = files.filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
);
for (const f of brokenFiles) console.log(`[ci] test file failed to run: ${f.name}\n${String(f.message ?? '').slice(0, 2000)}`);
failed += brokenFiles.length;
// Unhandled errors make the run unsuccessful even when every test passed.
if (report.success === false && failed === 0) {
  console.log('[ci] vitest reported the run as failed (unhandled error)');
  failed = 1;
}

const seconds = startedAt ? ` in ${Math.round(Date.now() / 1000 - Number(startedAt))} s` : '';
console.log(`[ci] ${files.length} test files, ${report.numTotalTests ?? 0} tests${seconds}`);
if (passed + failed === 0) console.log('[ci] no test ran: that is a failure');
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
