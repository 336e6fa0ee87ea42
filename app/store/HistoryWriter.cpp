#include "HistoryWriter.h"

#include "BackgroundThread.h"
#include "HistoryStore.h"

#include <QCoreApplication>
#include <QPointer>

HistoryWriter::HistoryWriter(const QString &path, QObject *parent)
    : QObject(parent), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("history-writer"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    // A QSqlDatabase connection belongs to the thread that opened it: open it there.
    post([this, path] {
        BackgroundThread::enter(); // the writes can wait for the window
        m_store = new HistoryStore;
        QString error;
        if (!m_store->open(path, &error)) {
            delete m_store;
            m_store = nullptr;
            Q_EMIT failed(error);
        }
    });
}

HistoryWriter::~HistoryWriter()
{
    QMetaObject::invokeMethod(m_worker, [this] {
        delete m_store;
        m_store = nullptr;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

template<typename F>
void HistoryWriter::post(F f)
{
    QMetaObject::invokeMethod(m_worker, std::move(f), Qt::QueuedConnection);
}

void HistoryWriter::saveJobs(const QVector<JobRecord> &records, const QSet<QString> &filesFor)
{
    post([this, records, filesFor] {
        if (m_store && !m_store->saveJobs(records, &filesFor))
            Q_EMIT failed(QCoreApplication::translate("HistoryStore", "Could not write the history: %1").arg(m_store->lastError()));
    });
}

void HistoryWriter::setNotified(const QString &connectionId, const QString &jobId, const QString &state)
{
    post([this, connectionId, jobId, state] {
        if (m_store && !m_store->setNotified(connectionId, jobId, state))
            Q_EMIT failed(QCoreApplication::translate("HistoryStore", "Could not write the history: %1").arg(m_store->lastError()));
    });
}

void HistoryWriter::saveConnection(const Connection &c)
{
    post([this, c] {
        if (m_store && !m_store->saveConnection(c))
            Q_EMIT failed(QCoreApplication::translate("HistoryStore", "Could not save the connection: %1").arg(m_store->lastError()));
    });
}

void HistoryWriter::removeConnection(const QString &id)
{
    post([this, id] {
        if (m_store)
            m_store->removeConnection(id);
    });
}

void HistoryWriter::removeJob(const QString &connectionId, const QString &jobId)
{
    post([this, connectionId, jobId] {
        if (m_store)
            m_store->removeJob(connectionId, jobId);
    });
}

void HistoryWriter::savePendingCreate(const HistoryStore::PendingCreate &p, QObject *context, std::function<void(bool)> done)
{
    QPointer<QObject> ctx(context);
    post([this, p, ctx, done] {
        const bool ok = m_store && m_store->savePendingCreate(p);
        if (!ok)
            Q_EMIT failed(QCoreApplication::translate("HistoryStore", "Could not write the history: %1").arg(m_store ? m_store->lastError() : QString()));
        if (ctx)
            QMetaObject::invokeMethod(ctx, [ctx, done, ok] { if (ctx) done(ok); }, Qt::QueuedConnection);
    });
}

void HistoryWriter::removePendingCreate(const QString &idempotencyKey)
{
    post([this, idempotencyKey] {
        if (m_store)
            m_store->removePendingCreate(idempotencyKey);
    });
}

void HistoryWriter::flush()
{
    // Queued calls run in order: an empty one that returns means all before it are done.
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}
