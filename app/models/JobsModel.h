#pragma once
// The jobs table: one row per watched job. Polls arrive as diffs — inserts, removals in reverse order,
// one dataChanged per contiguous span of changed rows — never a reset per poll.

#include "JobEta.h"
#include "JobRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>
#include <functional>

class JobSource;
class QTimer;

class JobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { JobIdColumn, ConnectionColumn, CollectionColumn, StateColumn, ProgressColumn, RowsColumn, SizeColumn,
                  FirstSeenColumn, CompletedColumn, DurationColumn, EtaColumn, ActivityColumn,
                  CreatedColumn, ThroughputColumn, // appended: a saved header layout keeps its meaning
                  ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting (numbers, times)
        StateRole,                   // JobState as int (expired included)
        ProgressRole,                // double 0..100
        KeyRole,                     // JobRecord::key()
        ConnectionIdRole,
        ErrorTextRole,               // the whole reason, or the last error
        SearchTextRole,              // what the filter's text search looks at
        ServerProgressRole,          // double 0..100 as the server sent it (ProgressRole is the rows' ratio where known)
        CollectionRole,              // the collection's name, "" when unknown
        CollectionPhaseRole,         // CollectionPhase as int: after the import (Building, Searchable, …)
    };

    explicit JobsModel(JobSource *source, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const JobRecord *record(int row) const;
    int rowOf(const QString &key) const;
    // Applies pending updates now (normally done 30 ms after the first of them, so one repaint serves a burst).
    void applyPending();

    static QString stateText(JobState s);
    // What the table and the details both show (JobCells.cpp).
    static QString stateLabel(const JobRecord &r);      // "Sorting / indexing", "Expired (last: …)", …
    static std::optional<double> rowRatio(const JobRecord &r);
    static double shownProgress(const JobRecord &r);    // the rows' ratio while rows are written, else the server's
    static QString progressTooltip(const JobRecord &r, bool banded);
    static QString rowsLabel(const JobRecord &r);       // "none kept" for a failed job: nothing is in the collection
    static QString rowsTooltip(const JobRecord &r);
    // retentionSeconds: how long the job's server keeps a finished job (the connection's setting; 0 = unknown).
    static QString activityText(const JobRecord &r, const QDateTime &now, qint64 retentionSeconds = 0);
    static QString activityTooltip(const JobRecord &r, const QDateTime &now, qint64 retentionSeconds = 0); // the whole sentence
    static QString throughputText(const JobRecord &r);  // "5,200 rows/s" (smoothed), "—"
    // The same with a rate of the caller's (the ETA's, measured since the rows started).
    static QString throughputText(const JobRecord &r, double rate);
    static QString agoText(const QDateTime &t, const QDateTime &now);
    QDateTime now() const;
    qint64 retentionOf(const JobRecord &r) const; // the job's server keeps finished jobs this long (0: unknown)
    // True for connections whose percentage is Milvus' stage estimate.
    bool bandedProgress(const JobRecord &r) const;
    // Time to the end of the job at the source's clock, or none with the reason.
    EtaEstimate eta(const JobRecord &r) const;

private:
    void upsert(const JobRecord &r);
    void remove(const QString &key);
    void tick();

    void learnFromHistory(QVector<JobRecord> added, const QDateTime &now);

    JobSource *m_service;
    EtaEstimator m_eta;
    QVector<JobRecord> m_rows;
    QHash<QString, int> m_index;
    QHash<QString, JobRecord> m_pending;
    QTimer *m_applyTimer;
    QTimer *m_clockTimer; // refreshes time-derived columns, only while something is active
};
