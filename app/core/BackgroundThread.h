#pragma once

// Work that can wait (parsing a large answer, diffing it, writing the history) must not take a core from
// the window. QThread::LowPriority does nothing on Linux (SCHED_OTHER has one static priority), so this
// asks the kernel directly.
namespace BackgroundThread {

// Marks the calling thread as background work, once per thread (cheap to call at the start of every task).
// Linux: SCHED_BATCH (a waking task does not preempt the window) and nice +5 (a smaller share of a busy
// core); elsewhere QThread::LowPriority. Failure is harmless and silent: the thread just keeps its priority.
void enter();

// The calling thread's nice value and whether it is SCHED_BATCH (for the tests; zeros off Linux).
struct Applied
{
    int nice = 0;
    bool batch = false;
};
Applied current();

} // namespace BackgroundThread
