#pragma once
// The rules of a safe create (protocol.md §7), shared by the service and the CLI: when a create's answer counts
// as lost (so the same request, with the same Idempotency-Key, may go again), and how often and how soon.

#include "ApiError.h"

namespace SafeCreate {

// Resends after the first attempt: a lost answer is sent at most this many more times.
constexpr int MaxResends = 2;

// No answer (a network error, a timeout, a connection closed before the answer) or a server error (5xx):
// the job may or may not exist. A refusal (4xx, or an API code in an HTTP 200) is definite.
bool answerLost(const ApiError &e);
// The wait before resend number `resend` (1-based): a second, then two, plus a Retry-After that asks for more.
qint64 resendDelayMs(int resend, int retryAfterMs);

} // namespace SafeCreate
