#pragma once
// The local SQLite history: connections (no secrets) and every job's last known state.
// It outlives the server's retention and survives restarts; writes are transactional.

#include "Connection.h"
#include "JobRecord.h"

#include <QString>
#include <QVector>

class HistoryStore
{
public:
    static constexpr int SchemaVersion = 3; // 2: jobs.create_params; 3: connections.ca_file

    HistoryStore();
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // Opens (creating or migrating) the database. A corrupt file or one from a newer Bulkwatch is refused
    // with a clear *error and left untouched.
    bool open(const QString &path, QString *error);
    bool isOpen() const;
    QString path() const { return m_path; }
    static QString defaultPath();

    QVector<Connection> connections() const;
    bool saveConnection(const Connection &c);
    bool removeConnection(const QString &id); // and its jobs

    QVector<JobRecord> jobs() const;
    bool saveJobs(const QVector<JobRecord> &records); // one transaction
    bool removeJob(const QString &connectionId, const QString &jobId);
    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString &sql, const QVariantList &binds = {});
    bool migrate(int from, QString *error);

    QString m_connectionName;
    QString m_path;
    QString m_lastError;
};
