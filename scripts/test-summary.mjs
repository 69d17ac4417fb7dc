// Prints the plain "N passed, N failed, N skipped" line from Vitest's JSON report.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
process.exit(report.numFailedTests > 0 ? 1 : 0);
