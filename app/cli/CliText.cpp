#include "CliText.h"

#include "FileLabel.h"
#include "JobFormatter.h"

#include <QJsonArray>

namespace CliText {
namespace {

// A file of a failed job: the job's end is the file's end, and nothing of it stayed in the collection.
bool notKept(const JobProgress &job, const FileProgress &f)
{
    return job.state == JobState::Failed && f.state != FileState::Failed;
}

QString filesBlock(const JobProgress &job)
{
    const bool stopped = job.state == JobState::Failed;
    QString out = QStringLiteral("\nFiles (%1):\n").arg(job.files.size());
    out += QStringLiteral("  %1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("STATE").leftJustified(13), QStringLiteral("PROGRESS").leftJustified(9),
                    QStringLiteral("ROWS").leftJustified(24), QStringLiteral("SIZE").leftJustified(11), QStringLiteral("NAME"));
    for (const FileProgress &f : job.files) {
        const QString state = notKept(job, f) ? QStringLiteral("not imported") : fileStateName(f.state);
        // Rows read by a failed job are not in the collection: say read, never show them as imported.
        const QString rows = stopped ? (f.importedRows.value_or(0) > 0
                                            ? QStringLiteral("none (%1 read)").arg(JobFormatter::rowsText(f.importedRows, f.totalRows))
                                            : QStringLiteral("none"))
                                     : JobFormatter::rowsText(f.importedRows, f.totalRows);
        out += QStringLiteral("  %1 %2 %3 %4 %5\n")
                   .arg(state.leftJustified(13), (stopped ? QStringLiteral("—") : JobFormatter::percentText(f.progress)).leftJustified(9),
                        rows.leftJustified(24), JobFormatter::bytesText(f.fileSize).leftJustified(11), FileLabel::label(f.fileName));
        if (f.completeTime.isValid() && !notKept(job, f))
            out += QStringLiteral("      %1 %2 (local)\n").arg(f.state == FileState::Failed ? QStringLiteral("ended") : QStringLiteral("completed"),
                                                             JobFormatter::localText(f.completeTime));
        // The job's reason is printed once; a file's only where it says something else.
        if (!f.reason.isEmpty() && f.reason != job.reason)
            out += QStringLiteral("      reason: %1\n").arg(reason(f.reason));
    }
    return out;
}

// The share of rows in, where the server sent rows (Milvus' own percentage moves in bands); else its percentage.
QString shareText(const JobProgress &job)
{
    if (job.state == JobState::Completed)
        return JobFormatter::percentText(100);
    if (job.importedRows && job.totalRows && *job.totalRows > 0)
        return JobFormatter::percentText(100.0 * double(*job.importedRows) / double(*job.totalRows));
    return JobFormatter::percentText(job.progress);
}

// Milvus' own percentage beside the row ratio where they differ: it still moves while the index is built.
QString serverShare(const JobProgress &job)
{
    const QString server = JobFormatter::percentText(job.progress);
    return job.state == JobState::Completed || server == shareText(job) ? QString() : QStringLiteral(" (server: %1)").arg(server);
}

} // namespace

QString reason(const QString &raw)
{
    return FileLabel::withSizeUnits(FileLabel::namesInText(raw));
}

QString status(const JobProgress &job)
{
    JobProgress shown = job;
    shown.reason = reason(job.reason);
    shown.files.clear(); // the file table is ours: JobFormatter's reads a failed job's files as progress
    QString out = JobFormatter::toText(shown);
    if (!job.files.isEmpty())
        out += filesBlock(job);
    return out;
}

QString list(const QVector<JobSummary> &jobs)
{
    QVector<JobSummary> shown = jobs;
    for (JobSummary &s : shown)
        s.reason = reason(s.reason);
    return JobFormatter::listText(shown);
}

QString watchLine(const JobProgress &job)
{
    int done = 0;
    for (const FileProgress &f : job.files)
        done += f.state == FileState::Completed ? 1 : 0;
    const bool stopped = job.state == JobState::Failed;
    QString s = QStringLiteral("%1  %2  %3  files %4/%5")
                    .arg(JobFormatter::localText(QDateTime::currentDateTimeUtc()), jobStateName(job.state).leftJustified(10),
                         stopped ? QStringLiteral("none kept (a failed import leaves nothing in the collection)")
                                 : QStringLiteral("%1  rows %2%3").arg(shareText(job).rightJustified(7),
                                                                       JobFormatter::rowsText(job.importedRows, job.totalRows), serverShare(job)))
                    .arg(stopped ? 0 : done)
                    .arg(job.files.size());
    const JobPhase phase = jobPhase(job);
    if (phase == JobPhase::SortingIndexing)
        s += QStringLiteral("  (sorting / building index)");
    else if (phase == JobPhase::AwaitingCommit)
        s += QStringLiteral("  (waiting for commit or abort)");
    if (!job.reason.isEmpty())
        s += QStringLiteral("\n    reason: ") + reason(job.reason);
    return s;
}

QJsonObject json(const JobProgress &job)
{
    QJsonObject o = JobFormatter::toJson(job);
    if (job.state != JobState::Failed)
        return o;
    QJsonArray files = o.value(QLatin1String("files")).toArray();
    for (int i = 0; i < files.size() && i < job.files.size(); ++i) {
        if (!notKept(job, job.files.at(i)))
            continue;
        QJsonObject f = files.at(i).toObject();
        f.insert(QStringLiteral("state"), QStringLiteral("notKept"));
        files.replace(i, f);
    }
    o.insert(QStringLiteral("files"), files);
    return o;
}

} // namespace CliText
