#pragma once
// How long to wait before asking a failing server again: exponential, capped, with jitter so that many clients
// do not retry in step; a Retry-After that asks for longer wins. Shared by the service and the CLI's watch.

#include <QtGlobal>

namespace Backoff {

// failures >= 1; jitter in [0, 1) (a random draw; tests pass a fixed one); retryAfterMs < 0 when none was sent.
qint64 delayMs(int failures, qint64 maxMs, qint64 retryAfterMs, double jitter);
// The same with a random jitter.
qint64 delayMs(int failures, qint64 maxMs, qint64 retryAfterMs);

} // namespace Backoff
