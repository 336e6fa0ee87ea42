#pragma once
// What leaves the window as text: the support report, CSV / JSON exports, the Ctrl+C text. Plain functions of
// records and connections; never a key.

#include "Connection.h"
#include "JobRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVector>

namespace JobExport {

// Reports of the given jobs, one after the other, for a support ticket.
QString supportReport(const QVector<JobRecord> &records, const QList<Connection> &connections);
// CSV with every cell a spreadsheet would run as a formula defused (see spreadsheetSafe).
QByteArray toCsv(const QVector<JobRecord> &records, const QList<Connection> &connections);
// JSON when the path ends in .json, else CSV; written atomically. On failure *error says why.
bool writeFile(const QString &path, const QVector<JobRecord> &records, const QList<Connection> &connections, QString *error);
// A cell starting with = + - @ (or tab / carriage return) gets a leading apostrophe.
QString spreadsheetSafe(const QString &cell);
// What Ctrl+C copies from the files table: the file's reason, else its name.
QString copyTextForFile(const FileProgress &file);

} // namespace JobExport
