#include "ProcessRun.h"

#include "Wait.h"

#include <QProcess>

QString ProcessResult::failure() const
{
    QString what;
    if (!started)
        what = QStringLiteral("%1 could not be started").arg(program);
    else if (timedOut)
        what = QStringLiteral("%1 did not finish within %2 ms and was killed (a hang)").arg(program).arg(timeoutMs);
    else if (crashed)
        what = QStringLiteral("%1 crashed").arg(program);
    else
        return {};
    return what + QStringLiteral("; its output:\n") + output;
}

ProcessResult runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                         const QByteArray &input, int timeoutMs)
{
    ProcessResult r;
    r.program = program;
    r.timeoutMs = timeoutMs;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    r.started = p.waitForStarted(10000);
    if (!r.started) {
        r.output = p.errorString();
        qWarning("%s", qPrintable(r.failure()));
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    const bool finished = waitUntil([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (!finished) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(10000); // reap it: a killed child is no exit 0
    }
    r.output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    r.crashed = !r.timedOut && p.exitStatus() == QProcess::CrashExit;
    r.exitCode = r.timedOut || r.crashed ? -1 : p.exitCode();
    if (!r.failure().isEmpty())
        qWarning("%s", qPrintable(r.failure()));
    return r;
}
