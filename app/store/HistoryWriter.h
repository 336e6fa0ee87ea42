#pragma once
// Writes the history on a thread of its own, through a database connection of its own: encoding 200 file lists
// and committing them never holds up the window. Calls return at once and are carried out in order; flush()
// waits until everything asked so far is on disk.

#include "Connection.h"
#include "HistoryStore.h"
#include "JobRecord.h"

#include <QObject>
#include <QSet>
#include <QThread>
#include <QVector>
#include <functional>


class HistoryWriter : public QObject
{
    Q_OBJECT
public:
    explicit HistoryWriter(const QString &path, QObject *parent = nullptr);
    ~HistoryWriter() override; // writes what is queued, then stops the thread

    void saveJobs(const QVector<JobRecord> &records, const QSet<QString> &filesFor);
    void setNotified(const QString &connectionId, const QString &jobId, const QString &state);
    void saveConnection(const Connection &c);
    void removeConnection(const QString &id);
    void removeJob(const QString &connectionId, const QString &jobId);
    // done(written) runs on context's thread once the row is on disk (or the write failed), while context lives.
    void savePendingCreate(const HistoryStore::PendingCreate &p, QObject *context, std::function<void(bool written)> done);
    void removePendingCreate(const QString &idempotencyKey);
    void flush();

Q_SIGNALS:
    // A write failed (in words for the status bar); emitted on the writer's thread, delivered queued.
    void failed(const QString &message);

private:
    template<typename F> void post(F f);

    QThread m_thread;
    QObject *m_worker; // lives in m_thread; owns nothing but the database connection's name
    HistoryStore *m_store = nullptr; // used only on m_thread
};
