#include "JobFormatter.h"
#include "FileLabel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace JobFormatter {

static QJsonValue optInt(std::optional<qint64> v)
{
    return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue(QJsonValue::Null);
}

static QJsonValue optTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(utcText(t)) : QJsonValue(QJsonValue::Null);
}

static double roundedPercent(double p)
{
    return std::round(p * 100) / 100;
}

QString utcText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")) : QString();
}

QString localText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString bytesText(std::optional<qint64> bytes)
{
    if (!bytes)
        return QStringLiteral("—");
    // Binary units labelled as such (MiB), as the support report and the CLI's file labels say: "610.4 MB" for
    // 640,000,000 bytes read 5 % short of what the user uploaded.
    return QLocale().formattedDataSize(*bytes, 1, QLocale::DataSizeIecFormat);
}

QString rowsText(std::optional<qint64> imported, std::optional<qint64> total)
{
    const QLocale loc;
    const auto n = [&](std::optional<qint64> v) { return v ? loc.toString(*v) : QStringLiteral("—"); };
    if (!imported && !total)
        return QStringLiteral("—");
    if (!total)
        return n(imported);
    return n(imported) + QStringLiteral(" / ") + n(total);
}

QString percentText(double p)
{
    const double r = std::round(p * 10) / 10;
    return (r == std::floor(r) ? QString::number(static_cast<int>(r)) : QString::number(r, 'f', 1)) + QStringLiteral(" %");
}

QString durationText(qint64 s)
{
    if (s < 0)
        return QStringLiteral("—");
    if (s < 60)
        return QCoreApplication::translate("Duration", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Duration", "%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QCoreApplication::translate("Duration", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("Duration", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QDateTime createdAt(const JobRecord &r)
{
    return r.job.createTime;
}

QDateTime firstSeenAt(const JobRecord &r)
{
    return r.firstSeen;
}

QDateTime completedAt(const JobRecord &r)
{
    if (r.job.completeTime.isValid())
        return r.job.completeTime;
    return isTerminal(r.job.state) ? r.endedAt : QDateTime();
}

qint64 durationSeconds(const JobRecord &r, const QDateTime &now)
{
    const bool fromServer = r.job.createTime.isValid();
    const QDateTime start = fromServer ? r.job.createTime : r.firstSeen;
    if (!start.isValid())
        return -1;
    QDateTime end = now;
    if (isTerminal(r.job.state)) {
        end = completedAt(r);
        // Seen for the first time already finished: from first sight to the end is no duration at all.
        if (!end.isValid() || (!fromServer && end <= start))
            return -1;
    } else if (r.expired) {
        end = r.lastAnswer; // forgotten while running: as long as it was seen
    }
    return std::max<qint64>(0, start.secsTo(end));
}

QJsonObject toJson(const FileProgress &f)
{
    return QJsonObject{{QStringLiteral("fileName"), f.fileName},
                       {QStringLiteral("fileSize"), optInt(f.fileSize)},
                       {QStringLiteral("state"), fileStateName(f.state)},
                       {QStringLiteral("serverState"), f.serverState},
                       {QStringLiteral("progress"), roundedPercent(f.progress)},
                       {QStringLiteral("importedRows"), optInt(f.importedRows)},
                       {QStringLiteral("totalRows"), optInt(f.totalRows)},
                       {QStringLiteral("completeTime"), optTime(f.completeTime)},
                       {QStringLiteral("reason"), f.reason}};
}

QJsonObject toJson(const JobProgress &job)
{
    QJsonArray files;
    for (const FileProgress &f : job.files)
        files.append(toJson(f));
    return QJsonObject{{QStringLiteral("jobId"), job.jobId},
                       {QStringLiteral("collectionName"), job.collectionName ? QJsonValue(*job.collectionName) : QJsonValue()},
                       {QStringLiteral("state"), jobStateName(job.state)},
                       {QStringLiteral("serverState"), job.serverState},
                       {QStringLiteral("progress"), roundedPercent(job.state == JobState::Completed ? 100 : job.progress)},
                       {QStringLiteral("importedRows"), optInt(job.importedRows)},
                       {QStringLiteral("totalRows"), optInt(job.totalRows)},
                       {QStringLiteral("fileSize"), optInt(job.fileSize)},
                       {QStringLiteral("completeTime"), optTime(job.completeTime)},
                       {QStringLiteral("reason"), job.reason},
                       {QStringLiteral("files"), files}};
}

QJsonObject toJson(const JobSummary &s)
{
    return QJsonObject{{QStringLiteral("jobId"), s.jobId},
                       {QStringLiteral("collectionName"), s.collectionName ? QJsonValue(*s.collectionName) : QJsonValue()},
                       {QStringLiteral("state"), jobStateName(s.state)},
                       {QStringLiteral("serverState"), s.serverState},
                       {QStringLiteral("progress"), s.progress ? QJsonValue(roundedPercent(*s.progress)) : QJsonValue()},
                       {QStringLiteral("reason"), s.reason}};
}

QJsonObject errorToJson(const ApiError &e)
{
    return QJsonObject{{QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("kind"), e.kindName()},
                                    {QStringLiteral("httpStatus"), e.httpStatus ? QJsonValue(e.httpStatus) : QJsonValue()},
                                    {QStringLiteral("code"), e.code ? QJsonValue(static_cast<double>(*e.code)) : QJsonValue()},
                                    {QStringLiteral("message"), e.message},
                                    {QStringLiteral("retryable"), e.retryable}}}};
}

QString toText(const JobProgress &job)
{
    QString out;
    const auto line = [&](const QString &label, const QString &value) {
        out += label.leftJustified(12) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("Job"), job.jobId);
    line(QStringLiteral("Collection"), job.collectionName.value_or(QStringLiteral("—")));
    line(QStringLiteral("State"), jobStateName(job.state) + QStringLiteral(" (") + (job.serverState.isEmpty() ? QStringLiteral("no state sent") : job.serverState) + QStringLiteral(") · ") + percentText(job.progress));
    line(QStringLiteral("Phase"), jobPhaseText(jobPhase(job)));
    // A failed import leaves nothing in the collection: its rows read as if imported would mislead.
    const bool stopped = job.state == JobState::Failed;
    line(QStringLiteral("Rows"), stopped ? QStringLiteral("none imported (a failed import leaves nothing in the collection); %1 had been read")
                                                 .arg(rowsText(job.importedRows, job.totalRows))
                                         : rowsText(job.importedRows, job.totalRows));
    line(QStringLiteral("Size"), bytesText(job.fileSize));
    if (job.createTime.isValid())
        line(QStringLiteral("Created"), localText(job.createTime) + QStringLiteral(" (local)"));
    line(QStringLiteral("Completed"), job.completeTime.isValid() ? localText(job.completeTime) + QStringLiteral(" (local), ") + utcText(job.completeTime) : QStringLiteral("—"));
    if (!job.reason.isEmpty())
        line(QStringLiteral("Reason"), job.reason);
    else if (job.state == JobState::Failed)
        line(QStringLiteral("Reason"), QStringLiteral("(the server gave no reason)"));
    if (!job.files.isEmpty()) {
        out += QStringLiteral("\nFiles (%1):\n").arg(job.files.size());
        out += QStringLiteral("  %1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("STATE").leftJustified(10), QStringLiteral("PROGRESS").leftJustified(9),
                        QStringLiteral("ROWS").leftJustified(24), QStringLiteral("SIZE").leftJustified(11), QStringLiteral("NAME"));
        for (const FileProgress &f : job.files) {
            // The job's end is the file's end: an unfinished file of a failed job is not "importing 48 %".
            const bool cut = stopped && f.state != FileState::Failed;
            out += QStringLiteral("  %1 %2 %3 %4 %5\n")
                       .arg((cut ? QStringLiteral("notKept") : fileStateName(f.state)).leftJustified(10),
                            (cut ? QStringLiteral("—") : percentText(f.progress)).leftJustified(9),
                            rowsText(f.importedRows, f.totalRows).leftJustified(24), bytesText(f.fileSize).leftJustified(11),
                            FileLabel::label(f.fileName));
            if (f.completeTime.isValid())
                out += QStringLiteral("      completed %1 (local)\n").arg(localText(f.completeTime));
            if (!f.reason.isEmpty())
                out += QStringLiteral("      reason: %1\n").arg(f.reason);
        }
    }
    return out;
}

QString listText(const QVector<JobSummary> &jobs)
{
    if (jobs.isEmpty())
        return QStringLiteral("No import jobs.\n");
    QString out = QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("JOB ID").leftJustified(26), QStringLiteral("STATE").leftJustified(12),
                                                      QStringLiteral("PROGRESS").leftJustified(9), QStringLiteral("COLLECTION"));
    for (const JobSummary &s : jobs) {
        out += QStringLiteral("%1 %2 %3 %4\n")
                   .arg(s.jobId.leftJustified(26), jobStateName(s.state).leftJustified(12),
                        (s.progress ? percentText(*s.progress) : QStringLiteral("—")).leftJustified(9),
                        s.collectionName.value_or(QStringLiteral("—")));
        if (!s.reason.isEmpty())
            out += QStringLiteral("    reason: %1\n").arg(s.reason);
    }
    return out;
}

QString watchLine(const JobProgress &job)
{
    int done = 0;
    for (const FileProgress &f : job.files)
        done += f.state == FileState::Completed ? 1 : 0;
    QString s = QStringLiteral("%1  %2  %3  rows %4  files %5/%6")
                    .arg(localText(QDateTime::currentDateTimeUtc()), jobStateName(job.state).leftJustified(10),
                         percentText(job.progress).rightJustified(7), rowsText(job.importedRows, job.totalRows))
                    .arg(done)
                    .arg(job.files.size());
    const JobPhase phase = jobPhase(job);
    if (phase == JobPhase::SortingIndexing)
        s += QStringLiteral("  (sorting / building index)");
    else if (phase == JobPhase::AwaitingCommit)
        s += QStringLiteral("  (waiting for commit or abort)");
    if (!job.reason.isEmpty())
        s += QStringLiteral("\n    reason: ") + job.reason;
    return s;
}

} // namespace JobFormatter
