#pragma once
// The process's threads as the Linux scheduler sees them (/proc/self/task): name, nice value, policy.
// Tests use it to check that background work really runs below the window, which no Qt API reports.

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <sched.h>
#include <unistd.h>

struct OsThread
{
    int tid = 0;
    QString name;
    int nice = 0;
    int policy = -1; // SCHED_OTHER 0, SCHED_BATCH 3, SCHED_IDLE 5
};

inline QList<OsThread> osThreads()
{
    QList<OsThread> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')'); // the name may hold ')' itself
        if (open < 0 || close < open)
            continue;
        // proc(5): after the name come field 3 (state) onwards; nice is field 19, policy field 41.
        const QList<QByteArray> f = line.mid(close + 2).split(' ');
        if (f.size() < 39)
            continue;
        OsThread t;
        t.tid = tid.toInt();
        t.name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
        t.nice = f.at(19 - 3).toInt();
        t.policy = f.at(41 - 3).toInt();
        out << t;
    }
    return out;
}

inline OsThread mainOsThread()
{
    for (const OsThread &t : osThreads()) {
        if (t.tid == getpid())
            return t;
    }
    return {};
}
