#pragma once
// Runs a child process while this process's event loop keeps turning (the simulator lives here).
// A child that does not finish in time is killed and reaped, and reported as a failure (exitCode -1, timedOut);
// so is one that cannot be started or that crashes. failure() says which, in words fit for a test message.

#include <QDeadlineTimer> // kept for the tests that relied on these through this header
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

struct ProcessResult
{
    int exitCode = -1;  // -1 unless the child ran and exited normally
    QString output;     // stdout + stderr
    bool timedOut = false;
    bool crashed = false;
    bool started = false;
    QString program;
    int timeoutMs = 0;
    bool ok() const { return started && !timedOut && !crashed && exitCode == 0; }
    // "" when the child exited normally (whatever its code), else what went wrong and what it printed.
    QString failure() const;
};

ProcessResult runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                         const QByteArray &input = {}, int timeoutMs = 30000);
