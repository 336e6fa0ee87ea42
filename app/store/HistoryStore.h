#pragma once
// The local SQLite history: connections (no secrets) and every job's last known state.
// It outlives the server's retention and survives restarts; writes are transactional.

#include "Connection.h"
#include "JobRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QVector>

class HistoryStore
{
public:
    // 2: jobs.create_params; 3: connections.ca_file; 4: file lists in job_files, in the store's own codec;
    // 5: pending_creates (an Idempotency-Key is kept before its create is sent); jobs.aborted_here, jobs.ended_as; connections.retention_seconds
    static constexpr int SchemaVersion = 5;

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

    // Every job. Without files, each record has filesLoaded = false and its storedFileCount: start-up then reads
    // no file list at all, and loadFiles() fetches one job's when it is needed.
    enum class Files { Included, Lazy };
    QVector<JobRecord> jobs(Files files = Files::Included) const;
    QVector<FileProgress> loadFiles(const QString &connectionId, const QString &jobId) const;
    // One transaction. A record's file list is written only when it is loaded and, with filesFor given, its key is
    // in it (a state change alone does not rewrite 1,024 files).
    bool saveJobs(const QVector<JobRecord> &records, const QSet<QString> *filesFor = nullptr);
    bool setNotified(const QString &connectionId, const QString &jobId, const QString &state);
    bool removeJob(const QString &connectionId, const QString &jobId);
    QString lastError() const { return m_lastError; }

    // A create on its way: its Idempotency-Key is written before the request leaves, and removed once the server
    // gave a definite answer. What is left after a crash names the creates whose outcome nobody saw.
    struct PendingCreate
    {
        QString idempotencyKey;
        QString connectionId;
        QJsonObject params; // CreateParams' JSON: never bucket keys
        QDateTime createdAt; // UTC
    };
    bool savePendingCreate(const PendingCreate &p);
    bool removePendingCreate(const QString &idempotencyKey);
    QVector<PendingCreate> pendingCreates() const;

private:
    bool exec(const QString &sql, const QVariantList &binds = {});
    bool migrate(int from, QString *error);

    QString m_connectionName;
    QString m_path;
    QString m_lastError;
};
