#include "SafeCreate.h"

#include <algorithm>

namespace SafeCreate {

bool answerLost(const ApiError &e)
{
    if (!e.isError())
        return false;
    if (e.httpStatus >= 500)
        return true;
    return e.httpStatus == 0 && (e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout);
}

qint64 resendDelayMs(int resend, int retryAfterMs)
{
    return std::max<qint64>(1000LL * std::max(1, resend), retryAfterMs);
}

} // namespace SafeCreate
