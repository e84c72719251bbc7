// A small thread pool for the large kernel calls. Its threads sleep on a
// condition variable between calls (they never spin): the wasm backend and
// tfjs's JavaScript run on the calling thread, and on a machine with few
// cores a spinning pool would take their time.
#ifndef IPMGAN_POOL_H
#define IPMGAN_POOL_H

#include <stdint.h>

typedef void (*pool_task)(void* context, int64_t index);

// Threads that run one call, the caller included (1: the caller alone). Not
// thread-safe against a concurrent pool_run; JavaScript calls both from one thread.
int pool_set_threads(int threads);
int pool_threads(void);

// Runs task(context, i) for i in [0, count), spread over the pool, and returns
// when every one has finished. Which thread runs which index varies; a task must
// write only its own outputs so the result does not depend on it.
void pool_run(int64_t count, pool_task task, void* context);

#endif
