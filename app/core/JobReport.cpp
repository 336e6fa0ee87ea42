#include "JobReport.h"

#include "FileLabel.h"
#include "JobFormatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

namespace JobReport {

namespace {

QString fileStateText(const FileProgress &f, JobState jobState)
{
    // Once the job has failed, a file still "importing" will not go on: nothing of it stays in the collection.
    const bool jobEnded = jobState == JobState::Failed || jobState == JobState::Cancelled;
    if (jobEnded && f.state != FileState::Completed && f.state != FileState::Failed)
        return QStringLiteral("not imported (the job %1)").arg(jobStateName(jobState));
    return fileStateName(f.state);
}

} // namespace

QString supportReport(const JobRecord &r, const Connection *c)
{
    const JobProgress &j = r.job;
    QString s;
    const auto line = [&](const QString &label, const QString &value) { s += label + QStringLiteral(": ") + value + QLatin1Char('\n'); };
    s += QStringLiteral("Bulk import job report\n");
    line(QStringLiteral("Job ID"), j.jobId);
    if (c) {
        if (!c->name.isEmpty())
            line(QStringLiteral("Connection"), c->name);
        line(QStringLiteral("Endpoint"), c->baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toDisplayString());
        if (!c->clusterId.isEmpty())
            line(QStringLiteral("Cluster"), c->clusterId);
        if (!c->projectId.isEmpty())
            line(QStringLiteral("Project / region"), c->projectId + QStringLiteral(" / ") + c->regionId);
        line(QStringLiteral("Database"), c->dbName.isEmpty() ? QStringLiteral("default") : c->dbName);
        line(QStringLiteral("API"), dialectName(c->endpoint({}).effectiveDialect()));
    }
    line(QStringLiteral("Collection"), j.collectionName.value_or(QStringLiteral("(unknown)")));
    // The servers do not report it: only a job created here knows its partition.
    const QString partition = r.createParams.value(QLatin1String("partitionName")).toString();
    line(QStringLiteral("Partition"), !partition.isEmpty() ? partition
                                          : r.createParams.isEmpty() ? QStringLiteral("(not reported by the server)")
                                                                      : QStringLiteral("default"));
    const JobState state = r.displayState();
    line(QStringLiteral("State"), jobStateName(state) + QStringLiteral(" (server: ")
             + (j.serverState.isEmpty() ? QStringLiteral("none") : j.serverState) + QLatin1Char(')'));
    if (r.expired)
        line(QStringLiteral("Expired on server at"), JobFormatter::utcText(r.expiredAt) + QStringLiteral(" (last known state above)"));
    const bool failed = j.state == JobState::Failed || j.state == JobState::Cancelled;
    if (failed) {
        // The rows a failed job had read are not in the collection: a failed import leaves nothing behind.
        line(QStringLiteral("Rows"), QStringLiteral("none imported (a failed import leaves nothing in the collection)")
                 + (j.importedRows.value_or(0) > 0 ? QStringLiteral("; %1 had been read").arg(JobFormatter::rowsText(j.importedRows, j.totalRows))
                                                   : QString()));
    } else {
        line(QStringLiteral("Progress"), JobFormatter::percentText(j.state == JobState::Completed ? 100 : j.progress));
        line(QStringLiteral("Rows"), JobFormatter::rowsText(j.importedRows, j.totalRows));
    }
    line(QStringLiteral("Size"), j.fileSize ? FileLabel::bytesText(*j.fileSize) : QStringLiteral("unknown"));
    if (j.createTime.isValid())
        line(QStringLiteral("Created (UTC)"), JobFormatter::utcText(j.createTime));
    line(QStringLiteral("First seen by Bulkwatch (UTC)"), JobFormatter::utcText(r.firstSeen));
    line(QStringLiteral("Completed (UTC)"), j.completeTime.isValid() ? JobFormatter::utcText(j.completeTime) : QStringLiteral("—"));
    line(QStringLiteral("Last answer (UTC)"), JobFormatter::utcText(r.lastAnswer));
    {
        const bool ended = isTerminal(j.state) || r.expired;
        // Without the server's creation time, a job first seen already finished has no known start.
        const QDateTime end = j.completeTime.isValid() ? j.completeTime : r.endedAt;
        const bool knownStart = j.createTime.isValid() || !(ended && r.firstSeen.isValid() && end.isValid() && r.firstSeen >= end);
        const qint64 d = knownStart ? r.durationSeconds(r.lastAnswer.isValid() ? r.lastAnswer : r.firstSeen) : -1;
        QString value = d < 0 ? QStringLiteral("— (no start time known)") : JobFormatter::durationText(d);
        if (d >= 0)
            value += QStringLiteral(" (%1 %2)").arg(j.createTime.isValid() ? QStringLiteral("from creation") : QStringLiteral("from first seen"),
                                                   ended ? QStringLiteral("to the end") : QStringLiteral("until the last answer, still going"));
        line(QStringLiteral("Duration"), value);
    }
    const QString named = FileLabel::namesInText(j.reason);
    line(failed ? QStringLiteral("Failure reason") : QStringLiteral("Reason"),
         j.reason.isEmpty() ? QStringLiteral("(none given)") : FileLabel::withSizeUnits(named));
    if (named != j.reason) // support may need the server's own words, id:… paths:"…" and all
        line(QStringLiteral("Reason as sent"), j.reason);
    if (r.lastError.isError())
        line(QStringLiteral("Last error"), FileLabel::withSizeUnits(r.lastError.summary()) + (r.lastError.path.isEmpty() ? QString() : QStringLiteral(" [") + r.lastError.path + QLatin1Char(']')));
    if (!j.files.isEmpty()) {
        s += QStringLiteral("Files (%1):\n").arg(j.files.size());
        for (const FileProgress &f : j.files) {
            const FileLabel::Entry entry = FileLabel::parse(f.fileName);
            QString name = entry.paths.join(QStringLiteral(", "));
            if (!entry.taskId.isEmpty())
                name += QStringLiteral(" (task %1)").arg(entry.taskId);
            // A file of a failed job kept nothing: its percentage and rows are what the server had reached, not imports.
            const QString rows = JobFormatter::rowsText(f.importedRows, f.totalRows);
            s += QStringLiteral("  - %1 | %2 (server: %3) | %4 | %5")
                     .arg(name, fileStateText(f, j.state), f.serverState.isEmpty() ? QStringLiteral("none") : f.serverState,
                          failed ? QStringLiteral("server's progress %1").arg(JobFormatter::percentText(f.progress)) : JobFormatter::percentText(f.progress),
                          failed ? (f.importedRows.value_or(0) > 0 ? QStringLiteral("rows none kept (%1 read)").arg(rows) : QStringLiteral("rows none kept"))
                                 : QStringLiteral("rows ") + rows);
            if (f.fileSize)
                s += QStringLiteral(" | ") + FileLabel::binarySize(*f.fileSize);
            // The job's reason is said once, above; a file's only where it says something else.
            if (!f.reason.isEmpty() && f.reason == j.reason)
                s += QStringLiteral(" | the reason above");
            s += QLatin1Char('\n');
            if (!f.reason.isEmpty() && f.reason != j.reason)
                s += QStringLiteral("    reason: ") + FileLabel::withSizeUnits(f.reason) + QLatin1Char('\n');
        }
    }
    line(QStringLiteral("Reported by"), QStringLiteral("Bulkwatch " BULKWATCH_VERSION " on ") + QSysInfo::prettyProductName());
    return s;
}

static QString csvField(QString v)
{
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QByteArray toCsv(const QVector<JobRecord> &records, const QHash<QString, Connection> &connections)
{
    QString out = QStringLiteral("jobId,connection,endpoint,collection,state,serverState,progress,importedRows,totalRows,fileSize,"
                                 "firstSeenUtc,completeTimeUtc,reason,createdUtc\n");
    for (const JobRecord &r : records) {
        const Connection c = connections.value(r.connectionId);
        const auto opt = [](std::optional<qint64> v) { return v ? QString::number(*v) : QString(); };
        out += QStringList{csvField(r.job.jobId), csvField(c.name), csvField(c.describe()),
                           csvField(r.job.collectionName.value_or(QString())), jobStateName(r.displayState()),
                           csvField(r.job.serverState), QString::number(r.job.progress), opt(r.job.importedRows),
                           opt(r.job.totalRows), opt(r.job.fileSize), JobFormatter::utcText(JobFormatter::firstSeenAt(r)),
                           JobFormatter::utcText(JobFormatter::completedAt(r)), csvField(r.job.reason),
                           JobFormatter::utcText(JobFormatter::createdAt(r))}
                   .join(QLatin1Char(','))
            + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray toJson(const QVector<JobRecord> &records, const QHash<QString, Connection> &connections)
{
    QJsonArray arr;
    for (const JobRecord &r : records) {
        QJsonObject o = JobFormatter::toJson(r.job);
        o.insert(QStringLiteral("state"), jobStateName(r.displayState()));
        const Connection c = connections.value(r.connectionId);
        o.insert(QStringLiteral("connection"), QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("endpoint"), c.describe()}});
        o.insert(QStringLiteral("firstSeen"), JobFormatter::utcText(r.firstSeen));
        o.insert(QStringLiteral("expiredOnServer"), r.expired);
        arr.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("jobs"), arr}}).toJson(QJsonDocument::Indented);
}

} // namespace JobReport
