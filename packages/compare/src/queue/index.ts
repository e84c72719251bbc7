// @ipmgan/compare/queue: distributed compares on BullMQ and Redis (docs/distributed.md), a
// subpath of its own so that commands that never queue do not load bullmq and ioredis.
export { CompareQueue } from './CompareQueue.js';
export { enqueueComparison, type EnqueuedComparison } from './enqueueComparison.js';
export { followComparison, type QueuedComparison } from './followComparison.js';
export { serveQueue, type QueueWorkerOptions } from './serveQueue.js';
