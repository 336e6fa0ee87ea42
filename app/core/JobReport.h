#pragma once
// Text for people outside the app: the support report, and CSV / JSON exports. Never a key.

#include "Connection.h"
#include "JobRecord.h"

#include <QByteArray>
#include <QString>

namespace JobReport {

// Plain text for a support ticket: job ID, connection (host, cluster or database), collection, state and raw server
// state, times in UTC, per-file reasons, the last HTTP error, Bulkwatch's version.
QString supportReport(const JobRecord &r, const Connection *c);
QByteArray toCsv(const QVector<JobRecord> &records, const QHash<QString, Connection> &connections);
QByteArray toJson(const QVector<JobRecord> &records, const QHash<QString, Connection> &connections);

} // namespace JobReport
