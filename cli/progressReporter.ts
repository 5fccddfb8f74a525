/**
 * Progress on stderr for work that takes more than a second: "label 3/10 (30 %), about 5 s left".
 * Quiet for short runs; rewrites one line on a terminal, prints lines otherwise.
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const start = process.hrtime.bigint();
  let shown = false;
  let lastPrint = 0;
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
  return {
    update(done: number, total: number): void {
      const t = elapsed();
      if (t < 1 || (done < total && t - lastPrint < 0.5 && stream.isTTY)) return;
      if (!stream.isTTY && done < total && t - lastPrint < 5 && shown) return;
      lastPrint = t;
      const left = done > 0 ? (t / done) * (total - done) : NaN;
      const eta = done < total && Number.isFinite(left) ? `, about ${Math.ceil(left)} s left` : ` in ${t.toFixed(1)} s`;
      const line = `${label} ${done}/${total} (${Math.floor((100 * done) / total)} %)${eta}`;
      stream.write(stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
      shown = true;
    },
    done(): void {
      if (shown && stream.isTTY) stream.write("\n");
    },
  };
}
