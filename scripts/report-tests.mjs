// Sums the vitest JSON reports in test-results/ into one line: `N passed, N failed` (plain node, no deps).
// Usage: node scripts/report-tests.mjs [exit code of the test command]; exits 1 when anything failed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test-results';
const commandStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let reports = 0;

let names = [];
try {
  names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
} catch {
  names = [];
}
for (const name of names) {
  let report;
  try {
    report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  } catch (e) {
    process.stderr.write(
      `report-tests: ${name} is not a readable report (${e instanceof Error ? e.message : e})\n`,
    );
    failed += 1;
    continue;
  }
  reports += 1;
  passed += Number(report.numPassedTests ?? 0);
  failed += Number(report.numFailedTests ?? 0);
  // A test file that fails to load (syntax error, failing import) fails no single test: count it once.
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) failed += 1;
  }
  process.stderr.write(
    `report-tests: ${name}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed\n`,
  );
}
// The test command failed without any failing test in a report (typecheck, lint, build, or no report).
if (commandStatus !== 0 && failed === 0) {
  process.stderr.write(
    `report-tests: the test command exited ${commandStatus} (${reports} report(s) found)\n`,
  );
  failed = 1;
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
