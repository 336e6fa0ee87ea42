#pragma once
// Waiting with the event loop turning, always bounded: for a condition, or for one signal.

#include <QSignalSpy>
#include <functional>

// Runs the event loop until done() holds or timeoutMs pass; returns whether it held.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000);

// Waits for one emission of the signal (counting emissions from now); returns whether it came in time.
template<typename Sender, typename Signal>
bool waitForSignal(const Sender *sender, Signal signal, int timeoutMs = 10000)
{
    QSignalSpy spy(sender, signal);
    return spy.wait(timeoutMs);
}
