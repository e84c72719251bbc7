#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#define MAX_THREADS 64

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;     // a new job, or shutdown
static pthread_cond_t finished = PTHREAD_COND_INITIALIZER; // the last worker left the job
static pthread_t workers[MAX_THREADS];
static int worker_count = 0; // threads besides the caller
static int shutting_down = 0;

// The job in flight: its generation tells a woken worker whether it is new.
static uint64_t generation = 0;
static pool_task job_task;
static void* job_context;
static int64_t job_count;
static atomic_int_fast64_t job_next;
static int busy_workers = 0;

static void run_share(void) {
  for (;;) {
    int64_t i = atomic_fetch_add(&job_next, 1);
    if (i >= job_count) return;
    job_task(job_context, i);
  }
}

static void* worker_main(void* unused) {
  (void)unused;
  uint64_t seen = 0;
  pthread_mutex_lock(&lock);
  for (;;) {
    while (!shutting_down && generation == seen) pthread_cond_wait(&wake, &lock);
    if (shutting_down) break;
    seen = generation;
    busy_workers++;
    pthread_mutex_unlock(&lock);
    run_share();
    pthread_mutex_lock(&lock);
    if (--busy_workers == 0) pthread_cond_signal(&finished);
  }
  pthread_mutex_unlock(&lock);
  return NULL;
}

static void stop_workers(void) {
  pthread_mutex_lock(&lock);
  shutting_down = 1;
  pthread_cond_broadcast(&wake);
  pthread_mutex_unlock(&lock);
  for (int i = 0; i < worker_count; i++) pthread_join(workers[i], NULL);
  worker_count = 0;
  shutting_down = 0;
}

int pool_set_threads(int threads) {
  if (threads < 1) threads = 1;
  if (threads > MAX_THREADS) threads = MAX_THREADS;
  if (threads - 1 == worker_count) return threads;
  stop_workers();
  for (int i = 0; i < threads - 1; i++) {
    if (pthread_create(&workers[i], NULL, worker_main, NULL) != 0) break;
    worker_count++;
  }
  return worker_count + 1;
}

int pool_threads(void) { return worker_count + 1; }

void pool_run(int64_t count, pool_task task, void* context) {
  if (count <= 0) return;
  if (worker_count == 0 || count == 1) {
    for (int64_t i = 0; i < count; i++) task(context, i);
    return;
  }
  pthread_mutex_lock(&lock);
  // A worker that woke too late for the previous job may still be leaving it:
  // let it go before the job's fields change under it.
  while (busy_workers > 0) pthread_cond_wait(&finished, &lock);
  job_task = task;
  job_context = context;
  job_count = count;
  atomic_store(&job_next, 0);
  generation++;
  pthread_cond_broadcast(&wake);
  pthread_mutex_unlock(&lock);
  run_share();
  // Every index is taken; wait for workers still running theirs. A worker that
  // wakes late finds no index left and leaves at once.
  pthread_mutex_lock(&lock);
  while (busy_workers > 0) pthread_cond_wait(&finished, &lock);
  pthread_mutex_unlock(&lock);
}
