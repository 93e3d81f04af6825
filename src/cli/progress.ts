/** A progress bar on a terminal; nothing when the output is a file or a pipe. */
export function progressBar(total: number) {
  const tty = process.stderr.isTTY;
  let last = -1;
  return {
    update(done: number, phase: string) {
      if (!tty || !total) return;
      const ratio = Math.min(1, done / total);
      const step = Math.floor(ratio * 40);
      if (step === last) return;
      last = step;
      process.stderr.write(`\r${phase.padEnd(8)} [${"#".repeat(step)}${" ".repeat(40 - step)}] ${Math.round(ratio * 100)}%`);
    },
    done() {
      if (tty && last >= 0) process.stderr.write("\n");
      last = -1;
    },
  };
}
