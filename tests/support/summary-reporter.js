/**
 * Prints one plain closing line, `jest: N passed, N failed, N skipped`, as the very last line of the run, so CI can read the result whatever runner it knows.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`;
    // Jest's own summary is written after every reporter's onRunComplete; this goes after it.
    process.once('exit', () => process.stderr.write(`${line}\n`));
  }
}

module.exports = SummaryReporter;
