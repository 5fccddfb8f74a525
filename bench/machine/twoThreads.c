/*
 * What two threads get from this machine, apart from JavaScript: a compute-bound loop
 * (four independent integer chains, no memory traffic) on 1 thread, then the same loop
 * on 2 threads at once, each doing the whole loop. On two full cores both take the
 * same time: a speed-up of 2.
 *
 *   cc -O2 -pthread bench/machine/twoThreads.c -o /tmp/twoThreads
 *   for i in $(seq 12); do /tmp/twoThreads; done
 *
 * Each run prints: wall time on 1 thread, wall time on 2 threads, speed-up.
 * docs/performance.md (section 4) has the figures of the benchmark machine.
 */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static const long ITERATIONS = 800000000L;
static volatile unsigned long sink;

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *loop(void *unused) {
  (void)unused;
  unsigned long a = 1, b = 2, c = 3, d = 4;
  for (long i = 0; i < ITERATIONS; i++) {
    a = a * 6364136223846793005UL + 1;
    b = b * 6364136223846793005UL + 3;
    c ^= c << 13;
    c ^= c >> 7;
    d += a ^ b;
  }
  sink = a + b + c + d;
  return NULL;
}

static double wall(int threads) {
  pthread_t t[2];
  double start = seconds();
  for (int k = 0; k < threads; k++) pthread_create(&t[k], NULL, loop, NULL);
  for (int k = 0; k < threads; k++) pthread_join(t[k], NULL);
  return seconds() - start;
}

int main(void) {
  double one = wall(1);
  double two = wall(2);
  printf("1 thread %.2f s, 2 threads %.2f s, speed-up %.2f\n", one, two, 2 * one / two);
  return 0;
}
