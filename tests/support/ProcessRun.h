#pragma once
// Runs a child process while this process's event loop keeps turning (the simulator lives here).

#include <QDeadlineTimer>
#include <QProcess>
#include <QTest>

struct ProcessResult
{
    int exitCode = -1;
    QString output; // stdout + stderr
};

inline ProcessResult runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                                const QByteArray &input = {}, int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    QDeadlineTimer deadline(timeoutMs);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(20);
    if (p.state() != QProcess::NotRunning)
        p.kill();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}
