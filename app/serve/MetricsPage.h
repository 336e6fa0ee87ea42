#pragma once
// What `bulkwatch serve` shows on /metrics, as a pure function of the jobs, the connections and the time: the
// names dashboards and alert rules rely on (issue 18), per job and per connection. Finished jobs stay only for
// keepFinishedSeconds after they ended, so the number of series stays bounded however long the server runs.
// (bulkwatch_collection_* follows once the collection data of the lifecycle work exists.)

#include "JobRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QVector>

namespace MetricsPage {

struct ConnectionSample
{
    QString id;
    QString name;     // the `connection` label
    QString database; // the `database` label of its jobs
    bool up = false;
    QDateTime lastAnswer;
    QMap<QString, quint64> requestsByCode; // "200", "429", … or "error" when no HTTP answer came
    quint64 rateLimited = 0;
};

constexpr qint64 kDefaultKeepFinishedSeconds = 24 * 3600;

// When a finished job ended, as best known (invalid when nothing says).
QDateTime endedAt(const JobRecord &r);
// Whether a job is on the page: every unfinished job, a finished one until keepFinishedSeconds after it ended.
bool shows(const JobRecord &r, const QDateTime &now, qint64 keepFinishedSeconds);
QByteArray render(const QVector<JobRecord> &jobs, const QVector<ConnectionSample> &connections, const QDateTime &now,
                  qint64 keepFinishedSeconds = kDefaultKeepFinishedSeconds);

} // namespace MetricsPage
