/**
 * Hands out the jobs 0 … n − 1 of a batch to the threads of a pool. Each thread works
 * through its own contiguous share of the list, front first; a thread whose share is
 * done takes jobs from the back of the largest share left, so that every thread stays
 * busy to the end.
 *
 * Batches list a scenario's replications one after another (the points of a sweep, the
 * scenarios of a comparison), so with contiguous shares each thread runs few scenarios,
 * one after another, and keeps what it built for one — the resident population, shared
 * by every replication of a district — for the next replication instead of rebuilding it
 * for each scenario in turn. Which thread runs a job never changes its result.
 */
export class JobShares {
  /** Per thread: the next job of its share, and the end of its share (exclusive). */
  private readonly from: number[];
  private readonly to: number[];

  /**
   * @param jobs number of jobs in the batch
   * @param threads number of threads taking them (at least 1)
   */
  constructor(jobs: number, threads: number) {
    const t = Math.max(1, threads);
    this.from = Array.from({ length: t }, (_, k) => Math.floor((k * jobs) / t));
    this.to = Array.from({ length: t }, (_, k) => Math.floor(((k + 1) * jobs) / t));
  }

  /**
   * The next job for `thread`: the front of its own share, else the back of the largest
   * share left; −1 when none is left. A thread that already holds jobs (sent ahead, so that
   * it never waits between two) gets −1 too once fewer jobs are left than there are
   * threads: the last jobs go to threads that are free, not into a queue behind a running
   * job while another thread idles.
   *
   * @param thread the asking thread, 0 … threads − 1
   * @param holding jobs the thread has been sent and not yet finished
   */
  take(thread: number, holding = 0): number {
    if (holding > 0 && this.left < this.to.length) return -1;
    if (this.from[thread] < this.to[thread]) return this.from[thread]++;
    let largest = -1;
    let most = 0;
    for (let k = 0; k < this.to.length; k++) {
      const left = this.to[k] - this.from[k];
      if (left > most) {
        largest = k;
        most = left;
      }
    }
    return largest < 0 ? -1 : --this.to[largest];
  }

  /** Jobs not taken yet. */
  get left(): number {
    let left = 0;
    for (let k = 0; k < this.to.length; k++) left += this.to[k] - this.from[k];
    return left;
  }
}
