#pragma once
// Service-level helpers, header-only because only the tests that link bulkwatch_service may include it.

#include "ImportService.h"

// One set of fast polling options for every service test: intervals of 100-300 ms, a 20/s budget, short
// backoff and save delays. Deadline and body cap stay at their real defaults unless a test changes them.
inline ImportService::Options fastOptions()
{
    ImportService::Options o;
    o.requestsPerSecond = 20;
    o.selectedIntervalMs = 100;
    o.runningIntervalMs = 150;
    o.pendingIntervalMs = 150;
    o.finalizingIntervalMs = 150;
    o.listIntervalMs = 200;
    o.pagedListIntervalMs = 300;
    o.maxBackoffMs = 1000;
    o.saveDelayMs = 20;
    return o;
}
