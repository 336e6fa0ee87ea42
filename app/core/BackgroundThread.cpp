#include "BackgroundThread.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace BackgroundThread {

namespace {
constexpr int kNice = 5; // weight 335 against the window's 1024: background, not starved (answers still matter)
}

void enter()
{
    thread_local bool done = false;
    if (done)
        return;
    done = true;
#ifdef Q_OS_LINUX
    // Both calls take a thread id on Linux and act on that thread alone (not POSIX, but documented).
    const pid_t tid = gettid();
    sched_param param {};
    param.sched_priority = 0;
    sched_setscheduler(tid, SCHED_BATCH, &param);
    setpriority(PRIO_PROCESS, static_cast<id_t>(tid), getpriority(PRIO_PROCESS, static_cast<id_t>(tid)) + kNice);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

Applied current()
{
    Applied a;
#ifdef Q_OS_LINUX
    a.nice = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
    a.batch = sched_getscheduler(0) == SCHED_BATCH;
#endif
    return a;
}

} // namespace BackgroundThread
