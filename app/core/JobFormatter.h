#pragma once
// One place that turns typed jobs and errors into JSON and into readable text,
// so the CLI, exports and the support report say the same thing.

#include "ApiError.h"
#include "ImportTypes.h"
#include "JobRecord.h"

#include <QJsonObject>

namespace JobFormatter {

QJsonObject toJson(const JobProgress &job);          // the `status --json` object
QJsonObject toJson(const FileProgress &file);
QJsonObject toJson(const JobSummary &summary);       // one entry of `list --json`
QJsonObject errorToJson(const ApiError &error);      // {"error": {...}}
QString utcText(const QDateTime &t);                 // "YYYY-MM-DDTHH:MM:SSZ", "" when invalid
QString localText(const QDateTime &t);               // "2026-11-28 13:05:09" in local time
QString bytesText(std::optional<qint64> bytes);      // "30.1 MiB", "—"
QString rowsText(std::optional<qint64> imported, std::optional<qint64> total); // "10,000 / 10,000"
QString percentText(double p);                        // "45 %", "99.5 %"
QString durationText(qint64 seconds);                 // "1 h 4 min", "12 s"

// A job's times, one source for the table, the details and the exports (UTC; invalid when unknown).
QDateTime createdAt(const JobRecord &r);    // the server's creation time (only the newest servers send it)
QDateTime firstSeenAt(const JobRecord &r);  // when Bulkwatch first saw the job
QDateTime completedAt(const JobRecord &r);  // the server's completion time, else when Bulkwatch saw it end
// Seconds from the start (created, else first seen) to the end (or now while it runs); < 0 when unknown: a job
// first seen already finished, with no creation time from the server, has no duration Bulkwatch could know.
qint64 durationSeconds(const JobRecord &r, const QDateTime &now);

// Readable status for a terminal: state, percent, rows, phase, local completion, whole reason, file table.
QString toText(const JobProgress &job);
QString listText(const QVector<JobSummary> &jobs);
// One line for `watch`, printed on each change.
QString watchLine(const JobProgress &job);

} // namespace JobFormatter
