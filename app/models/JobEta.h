#pragma once
// Time to the end of a job, not just to the end of its rows: the rows phase from the smoothed row rate, then
// sorting and indexing from what this connection's server took before, per row, in jobs seen to finish
// (history included). Where there is no basis the estimate is "none" with the reason, never a number that
// counts down to zero and sits there.

#include "JobRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <optional>

struct EtaEstimate
{
    qint64 seconds = -1; // < 0: no estimate
    QString reason;      // for the tooltip: how it was made, or why there is none
};

class EtaEstimator
{
    Q_DECLARE_TR_FUNCTIONS(EtaEstimator)
public:
    // Every record the model receives passes here: it notes when the rows were seen done, and learns the
    // sort/index time of a job that completed.
    void observe(const JobRecord &r, const QDateTime &now);
    EtaEstimate estimate(const JobRecord &r, const QDateTime &now) const;
    // Seconds sorting and indexing take for `rows` rows on this connection, from jobs seen before.
    std::optional<double> tailSeconds(const QString &connectionId, qint64 rows) const;
    int samples(const QString &connectionId) const;
    // True where `rows` is far beyond every job seen finishing here: the tail is then grown with the square root
    // of the rows, not in proportion (a fixed part dominates small jobs; 10 s for 10,000 rows is not 77 min for 4.6 M).
    bool extrapolated(const QString &connectionId, qint64 rows) const;
    // Rows per second since Bulkwatch first saw the job writing rows. Not the service's first sample where the
    // job was seen queued: that one spans the queue, when no row moved (40 rows/s for a job doing thousands);
    // < 0 then until a second answer with rows. For a job first seen importing, the service's smoothed rate.
    double rowsPerSecond(const JobRecord &r) const;

private:
    struct Sample
    {
        double tailSeconds = 0;
        qint64 rows = 0;
    };
    // When the rows were done: the last file's completion (the server's clock), or when the model saw it.
    QDateTime rowsDoneAt(const JobRecord &r) const;
    void learn(const JobRecord &r);
    static QString roughNote(bool rough);

    QHash<QString, QDateTime> m_rowsDoneSeen;   // key -> when first seen with every row in
    QHash<QString, bool> m_seenInRows;          // key -> seen while its rows were still moving
    struct RowsBase
    {
        QDateTime at;
        qint64 rows = 0;
    };
    QSet<QString> m_seenWaiting;               // keys seen queued or reading with no row in
    QHash<QString, RowsBase> m_rowsBase;        // key -> first answer in the rows phase (rate measured from there)
    QHash<QString, QHash<QString, Sample>> m_samples; // connection -> job key -> sample
};
