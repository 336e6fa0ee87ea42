#pragma once
// Describe answers written straight into bytes: the same bytes QJsonDocument makes of SimServer::renderProgress
// (keys in its sorted order, its number and string forms), without building a QJsonObject per file. What never
// changes (escaped file names, sizes, the date part of a time) is kept per job, and a job's file rows are
// re-rendered only where a file changed since the last answer. Milvus and cloud-v2 only: cloud-v1's fractions
// are doubles, whose text is left to QJsonDocument (SimServer renders that dialect the old way).

#include "SimEngine.h"

#include <QByteArray>
#include <QHash>
#include <QVector>

enum class SimDialect;

class SimDescribeRenderer
{
public:
    SimDescribeRenderer(SimDialect dialect, const SimEngine *engine);
    static bool handles(SimDialect dialect);

    // The whole body, {"code":0,"data":{…}}, of a describe answer for this status (stateText: the job's state
    // as the server words it).
    QByteArray render(const SimJobStatus &st, const QString &stateText);

private:
    // What a file row shows; equal keys render equal bytes (the static parts are the job's).
    struct FileKey
    {
        qint64 importedRows = -1;
        double completedAt = 0;
        int progress = -1;
        int state = -1;
        bool operator==(const FileKey &o) const
        {
            return importedRows == o.importedRows && completedAt == o.completedAt && progress == o.progress && state == o.state;
        }
    };
    struct JobRows
    {
        QByteArray fixed;          // per file: ","fileName":…,"fileSize":N,"<next key>":
        QVector<int> fixedAt;      // offsets into fixed, one per file and one past the end
        QString reason;            // the reason the rows were rendered with (failed files show the job's)
        QVector<FileKey> keys;     // what the last answer's rows showed
        QByteArray rows;           // the last answer's rows, comma-separated
        QVector<int> rowAt;        // offsets into rows, one per file and one past the end
    };

    void prepare(JobRows &rows, const SimJobStatus &st) const;
    void renderRow(QByteArray &out, const JobRows &rows, const SimFileStatus &f, int i, const QByteArray &reason);
    void appendTime(QByteArray &out, double simSeconds);
    void appendTimeSlow(QByteArray &out, double simSeconds) const;

    SimDialect m_dialect;
    const SimEngine *m_engine;
    qint64 m_startMs = 0;      // the engine's simulated second 0, in UTC ms since the epoch
    int m_offsetSeconds = 0;   // what the dialect's server shows times in (Milvus: +08:00)
    QHash<qint64, QByteArray> m_days; // day number -> "YYYY-MM-DD"
    QHash<QString, JobRows> m_jobs;   // by job id
};

namespace SimJson {
// A JSON string as QJsonDocument writes it (quotes included).
void appendString(QByteArray &out, const QString &s);
void appendInt(QByteArray &out, qint64 v);
} // namespace SimJson
