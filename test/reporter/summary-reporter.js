/* Prints one closing line "N passed, N failed" (", N skipped" when any) after every jest run, so a run
 * that executed no test is visible to CI, which does not read Jest's own summary. The line is written
 * when the process exits, so it comes after Jest's summary (on stderr) and is the last line of the run;
 * writes to pipes and files are synchronous on Linux, so nothing is lost at exit. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
