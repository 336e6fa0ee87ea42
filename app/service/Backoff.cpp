#include "Backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace Backoff {

qint64 delayMs(int failures, qint64 maxMs, qint64 retryAfterMs, double jitter)
{
    const int exp = std::clamp(failures - 1, 0, 16);
    qint64 delay = std::min<qint64>(maxMs, 1000LL << exp);
    delay += static_cast<qint64>(std::clamp(jitter, 0.0, 0.999) * std::max<qint64>(1, delay / 4));
    return std::max(delay, retryAfterMs);
}

qint64 delayMs(int failures, qint64 maxMs, qint64 retryAfterMs)
{
    return delayMs(failures, maxMs, retryAfterMs, QRandomGenerator::global()->generateDouble());
}

} // namespace Backoff
