#include "JobReport.h"

#include "JobFormatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

namespace JobReport {

QString supportReport(const JobRecord &r, const Connection *c)
{
    const JobProgress &j = r.job;
    QString s;
    const auto line = [&](const QString &label, const QString &value) { s += label + QStringLiteral(": ") + value + QLatin1Char('\n'); };
    s += QStringLiteral("Bulk import job report\n");
    line(QStringLiteral("Job ID"), j.jobId);
    if (c) {
        line(QStringLiteral("Endpoint"), c->baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toDisplayString());
        if (!c->clusterId.isEmpty())
            line(QStringLiteral("Cluster"), c->clusterId);
        if (!c->projectId.isEmpty())
            line(QStringLiteral("Project / region"), c->projectId + QStringLiteral(" / ") + c->regionId);
        line(QStringLiteral("Database"), c->dbName.isEmpty() ? QStringLiteral("default") : c->dbName);
        line(QStringLiteral("API"), dialectName(c->endpoint({}).effectiveDialect()));
    }
    line(QStringLiteral("Collection"), j.collectionName.value_or(QStringLiteral("(unknown)")));
    line(QStringLiteral("State"), jobStateName(r.displayState()) + QStringLiteral(" (server: ")
             + (j.serverState.isEmpty() ? QStringLiteral("none") : j.serverState) + QLatin1Char(')'));
    if (r.expired)
        line(QStringLiteral("Expired on server at"), JobFormatter::utcText(r.expiredAt) + QStringLiteral(" (last known state above)"));
    line(QStringLiteral("Progress"), JobFormatter::percentText(j.progress));
    line(QStringLiteral("Rows"), JobFormatter::rowsText(j.importedRows, j.totalRows));
    line(QStringLiteral("Size"), j.fileSize ? QString::number(*j.fileSize) + QStringLiteral(" bytes") : QStringLiteral("unknown"));
    if (j.createTime.isValid())
        line(QStringLiteral("Created (UTC)"), JobFormatter::utcText(j.createTime));
    line(QStringLiteral("First seen by Bulkwatch (UTC)"), JobFormatter::utcText(r.firstSeen));
    line(QStringLiteral("Completed (UTC)"), j.completeTime.isValid() ? JobFormatter::utcText(j.completeTime) : QStringLiteral("—"));
    line(QStringLiteral("Last answer (UTC)"), JobFormatter::utcText(r.lastAnswer));
    line(QStringLiteral("Reason"), j.reason.isEmpty() ? QStringLiteral("(none given)") : j.reason);
    if (r.lastError.isError())
        line(QStringLiteral("Last error"), r.lastError.summary() + (r.lastError.path.isEmpty() ? QString() : QStringLiteral(" [") + r.lastError.path + QLatin1Char(']')));
    if (!j.files.isEmpty()) {
        s += QStringLiteral("Files (%1):\n").arg(j.files.size());
        for (const FileProgress &f : j.files) {
            s += QStringLiteral("  - %1 | %2 (server: %3) | %4 | rows %5\n")
                     .arg(f.fileName, fileStateName(f.state), f.serverState.isEmpty() ? QStringLiteral("none") : f.serverState,
                          JobFormatter::percentText(f.progress), JobFormatter::rowsText(f.importedRows, f.totalRows));
            if (!f.reason.isEmpty())
                s += QStringLiteral("    reason: ") + f.reason + QLatin1Char('\n');
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
