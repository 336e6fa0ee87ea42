#include "ImportTypes.h"

#include <QCoreApplication>
#include <QUuid>

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Pending: return QStringLiteral("pending");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Finalizing: return QStringLiteral("finalizing");
    case JobState::Completed: return QStringLiteral("completed");
    case JobState::Failed: return QStringLiteral("failed");
    case JobState::Cancelled: return QStringLiteral("cancelled");
    case JobState::Expired: return QStringLiteral("expired");
    case JobState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString fileStateName(FileState state)
{
    switch (state) {
    case FileState::Pending: return QStringLiteral("pending");
    case FileState::Running: return QStringLiteral("running");
    case FileState::Retrying: return QStringLiteral("retrying");
    case FileState::Completed: return QStringLiteral("completed");
    case FileState::Failed: return QStringLiteral("failed");
    case FileState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

JobState jobStateFromName(const QString &name)
{
    for (JobState s : {JobState::Pending, JobState::Running, JobState::Finalizing, JobState::Completed,
                       JobState::Failed, JobState::Cancelled, JobState::Expired}) {
        if (jobStateName(s) == name)
            return s;
    }
    return JobState::Unknown;
}

JobState jobStateFromServer(const QString &serverState)
{
    // Vocabularies of cloud v1, cloud v2, Milvus v2 and Milvus' internal names, compared case-insensitively.
    const QString s = serverState.trimmed().toLower();
    if (s == QLatin1String("pending") || s == QLatin1String("importpending"))
        return JobState::Pending;
    if (s == QLatin1String("importing") || s == QLatin1String("inprogress") || s == QLatin1String("importrunning")
        || s == QLatin1String("running") || s == QLatin1String("preimporting") || s == QLatin1String("sorting")
        || s == QLatin1String("indexbuilding") || s == QLatin1String("stats") || s == QLatin1String("building")
        // Import V3 (protocol.md §7): the steps between pre-import and importing.
        || s == QLatin1String("assigningidrange") || s == QLatin1String("resharding") || s == QLatin1String("planning"))
        return JobState::Running;
    if (s == QLatin1String("uncommitted") || s == QLatin1String("committing"))
        return JobState::Finalizing;
    if (s == QLatin1String("completed") || s == QLatin1String("importcompleted") || s == QLatin1String("succeeded"))
        return JobState::Completed;
    if (s == QLatin1String("failed") || s == QLatin1String("importfailed"))
        return JobState::Failed;
    if (s == QLatin1String("importcancel") || s == QLatin1String("cancelled") || s == QLatin1String("canceled")
        || s == QLatin1String("aborted"))
        return JobState::Cancelled;
    return JobState::Unknown;
}

FileState fileStateFromServer(const QString &serverState)
{
    const QString s = serverState.trimmed().toLower();
    if (s == QLatin1String("pending"))
        return FileState::Pending;
    if (s == QLatin1String("inprogress") || s == QLatin1String("importing") || s == QLatin1String("running")
        || s == QLatin1String("preimporting"))
        return FileState::Running;
    if (s == QLatin1String("retry") || s == QLatin1String("retrying"))
        return FileState::Retrying;
    if (s == QLatin1String("completed"))
        return FileState::Completed;
    if (s == QLatin1String("failed"))
        return FileState::Failed;
    return FileState::Unknown;
}

bool isTerminal(JobState state)
{
    return state == JobState::Completed || state == JobState::Failed || state == JobState::Cancelled
        || state == JobState::Expired;
}

bool FileProgress::operator==(const FileProgress &o) const
{
    return fileName == o.fileName && fileSize == o.fileSize && state == o.state && serverState == o.serverState
        && qFuzzyCompare(progress + 1, o.progress + 1) && importedRows == o.importedRows && totalRows == o.totalRows
        && completeTime == o.completeTime && reason == o.reason;
}

bool JobProgress::operator==(const JobProgress &o) const
{
    return jobId == o.jobId && collectionName == o.collectionName && state == o.state && serverState == o.serverState
        && qFuzzyCompare(progress + 1, o.progress + 1) && importedRows == o.importedRows && totalRows == o.totalRows
        && fileSize == o.fileSize && completeTime == o.completeTime && createTime == o.createTime
        && reason == o.reason && files == o.files;
}

JobPhase jobPhase(const JobProgress &job)
{
    switch (job.state) {
    case JobState::Completed: return JobPhase::Done;
    case JobState::Failed:
    case JobState::Cancelled: return JobPhase::Failed;
    case JobState::Expired: return JobPhase::Gone;
    case JobState::Finalizing: return JobPhase::AwaitingCommit;
    case JobState::Pending: return JobPhase::Waiting;
    case JobState::Running: {
        // Every file written but the job still running: Milvus is sorting and building the index (70-90 %).
        bool allFilesDone = !job.files.isEmpty();
        for (const auto &f : job.files)
            allFilesDone = allFilesDone && f.state == FileState::Completed;
        const QString server = job.serverState.toLower();
        if (allFilesDone || job.progress >= 70 || server == QLatin1String("indexbuilding"))
            return JobPhase::SortingIndexing;
        // Import V3 reads and plans before it imports: PreImporting, AssigningIDRange, Resharding, Planning (45 %).
        if (server == QLatin1String("preimporting") || server == QLatin1String("assigningidrange")
            || server == QLatin1String("resharding") || server == QLatin1String("planning"))
            return JobPhase::Reading;
        return JobPhase::Importing;
    }
    case JobState::Unknown: break;
    }
    return JobPhase::Unknown;
}

QString jobPhaseText(JobPhase phase)
{
    switch (phase) {
    case JobPhase::Waiting:
        return QCoreApplication::translate("JobPhase", "Waiting in the server's queue — no data read yet.");
    case JobPhase::Reading:
        return QCoreApplication::translate("JobPhase", "Reading and checking the files.");
    case JobPhase::Importing:
        return QCoreApplication::translate("JobPhase", "Importing rows from the files.");
    case JobPhase::SortingIndexing:
        return QCoreApplication::translate(
            "JobPhase", "All files written — sorting and building the index; this step shows no per-file progress.");
    case JobPhase::AwaitingCommit:
        return QCoreApplication::translate(
            "JobPhase", "Two-phase import: data is staged and waits for a commit or an abort. It will not finish by itself.");
    case JobPhase::Done:
        return QCoreApplication::translate("JobPhase", "Completed — the rows are in the collection.");
    case JobPhase::Failed:
        return QCoreApplication::translate("JobPhase", "Failed — see the reason below.");
    case JobPhase::Gone:
        return QCoreApplication::translate(
            "JobPhase", "Expired on the server — it forgets finished jobs after a few hours. Showing the last known state.");
    case JobPhase::Unknown: break;
    }
    return QCoreApplication::translate("JobPhase", "The server reports a state Bulkwatch does not know; shown as sent.");
}

bool phaseHasNoEta(JobPhase phase)
{
    return phase != JobPhase::Importing && phase != JobPhase::Reading;
}

QString newIdempotencyKey()
{
    return QStringLiteral("bw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString idempotencyKeyProblem(const QString &key)
{
    if (key.isEmpty())
        return QStringLiteral("the idempotency key is empty");
    if (key.size() > 256)
        return QStringLiteral("the idempotency key is longer than 256 bytes");
    for (const QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return QStringLiteral("the idempotency key may hold printable ASCII only (no spaces or control characters)");
    }
    return {};
}
