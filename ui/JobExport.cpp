#include "JobExport.h"

#include "JobReport.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>

namespace JobExport {

namespace {
QHash<QString, Connection> byId(const QList<Connection> &connections)
{
    QHash<QString, Connection> out;
    for (const Connection &c : connections)
        out.insert(c.id, c);
    return out;
}
} // namespace

QString supportReport(const QVector<JobRecord> &records, const QList<Connection> &connections)
{
    const QHash<QString, Connection> conns = byId(connections);
    QStringList reports;
    for (const JobRecord &r : records) {
        const auto it = conns.constFind(r.connectionId);
        reports << JobReport::supportReport(r, it == conns.cend() ? nullptr : &it.value());
    }
    return reports.join(QStringLiteral("\n"));
}

// Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that starts with = + - or @ as a formula, and
// some skip a leading tab or carriage return first. A job's reason, collection or server state comes from the
// server and a connection's name from the user: "=HYPERLINK(...)" there would run when the export is opened
// ("CSV injection"). Such a cell gets a leading apostrophe, the usual defence (OWASP): spreadsheets show the cell
// as text, and a person reading the file sees the original right after the apostrophe. Numbers and times are
// written by Bulkwatch itself and never start with one of these.
QString spreadsheetSafe(const QString &cell)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    if (!cell.isEmpty() && risky.contains(cell.front()))
        return QLatin1Char('\'') + cell;
    return cell;
}

QByteArray toCsv(const QVector<JobRecord> &records, const QList<Connection> &connections)
{
    // The free-text cells are defused on copies, then JobReport writes and quotes the CSV as it always has.
    QVector<JobRecord> safe = records;
    for (JobRecord &r : safe) {
        r.job.jobId = spreadsheetSafe(r.job.jobId);
        if (r.job.collectionName)
            r.job.collectionName = spreadsheetSafe(*r.job.collectionName);
        r.job.serverState = spreadsheetSafe(r.job.serverState);
        r.job.reason = spreadsheetSafe(r.job.reason);
    }
    QHash<QString, Connection> conns = byId(connections);
    for (Connection &c : conns)
        c.name = spreadsheetSafe(c.name); // the endpoint cell starts with the host name, never one of = + - @
    return JobReport::toCsv(safe, conns);
}

bool writeFile(const QString &path, const QVector<JobRecord> &records, const QList<Connection> &connections, QString *error)
{
    const QByteArray data = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? JobReport::toJson(records, byId(connections))
                                                                                       : toCsv(records, connections);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        // The window shows this message (and its translation lives under MainWindow, where it always has).
        *error = f.errorString().isEmpty() ? QCoreApplication::translate("MainWindow", "the folder does not exist or is not writable")
                                           : f.errorString();
        return false;
    }
    return true;
}

QString copyTextForFile(const FileProgress &file)
{
    return file.reason.isEmpty() ? file.fileName : file.reason;
}

} // namespace JobExport
