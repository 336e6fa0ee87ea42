#pragma once
// A skip that cannot pass for a pass: the message carries BULKWATCH-SKIPPED, which CTest's
// SKIP_REGULAR_EXPRESSION turns into "Skipped" in the summary; and under CI (any non-empty CI value)
// a skip is a failure, because CI must provide what the test needs. Use only where the whole test
// (or the rest of it, after everything it did check has passed) cannot run.

#include <QTest>

inline bool skipsAreFailures()
{
    return !qEnvironmentVariableIsEmpty("CI");
}

#define BULKWATCH_SKIP(reason)                                                                       \
    do {                                                                                             \
        if (skipsAreFailures())                                                                      \
            QFAIL("CI is set, so this may not be skipped: " reason);                                  \
        QSKIP("BULKWATCH-SKIPPED: " reason);                                                         \
    } while (false)
