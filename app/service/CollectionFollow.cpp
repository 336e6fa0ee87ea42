// ImportService after the import (issue 16): once a job has completed (or sits on Milvus' 80-90 % plateau), its
// collection is followed — indexes, load state, row count — within the connection's request budget, until every
// index finished (or failed) and the load state settled. A server without the endpoints (plain 404) is not an
// error: the section stays absent and the connection is not asked again. On Zilliz Cloud the endpoints are the
// cluster's own (its connectAddress, learnt once from the control plane), with the same key.

#include "ImportService.h"

#include "CollectionApi.h"
#include "ConnectionKeys.h"
#include "ImportApiClient.h"

#include <QTimer>

namespace {
// A job that ended longer ago than this is not followed after a restart: its collection has long settled.
constexpr qint64 kFollowEndedForSecs = 6 * 3600;
// How long after its end a job's rows may take to show in the collection's count before the figures are taken as
// they are (rows deleted since, or a count that never includes them: the follow must end).
constexpr qint64 kRowsCatchUpSecs = 600;
}

bool ImportService::waitingForRows(const JobRecord &r, const CollectionState &c) const
{
    if (r.job.state != JobState::Completed)
        return true;
    const qint64 imported = r.job.importedRows.value_or(0);
    if (imported <= 0 || (r.endedAt.isValid() && r.endedAt.secsTo(now()) > kRowsCatchUpSecs))
        return false;
    const qint64 seen = c.rowCount ? *c.rowCount : c.totalRowsSum();
    return seen < imported;
}

bool ImportService::wantsCollection(const JobRecord &r) const
{
    if (r.expired && !r.collection.present)
        return false;
    if (!r.job.collectionName || r.job.collectionName->isEmpty() || r.collection.settled())
        return false;
    if (r.job.state == JobState::Completed)
        return !r.endedAt.isValid() || r.endedAt.secsTo(now()) < kFollowEndedForSecs;
    // Milvus' plateau: the rows are written and the index builds before the job completes.
    return r.job.state == JobState::Running && jobPhase(r.job) == JobPhase::SortingIndexing;
}

void ImportService::noteCollection(ConnState &cs, const JobRecord &r)
{
    if (cs.collectionEp == ConnState::CollectionEndpoint::None || cs.conn.endpoint({}).effectiveDialect() == Dialect::CloudV1)
        return;
    const QString key = r.key();
    if (!wantsCollection(r)) {
        cs.collectionDueMs.remove(key);
        return;
    }
    if (!cs.collectionDueMs.contains(key))
        cs.collectionDueMs.insert(key, mono());
}

// Polls the most overdue collection if it is due and was due no later than notAfterMs (the job it competes with).
bool ImportService::pollDueCollection(ConnState &cs, qint64 now, qint64 notAfterMs, qint64 *wakeAt)
{
    QString pick;
    qint64 pickDue = std::numeric_limits<qint64>::max();
    for (auto it = cs.collectionDueMs.cbegin(); it != cs.collectionDueMs.cend(); ++it) {
        if (!cs.collectionsInFlight.contains(it.key()) && it.value() < pickDue) {
            pickDue = it.value();
            pick = it.key();
        }
    }
    if (pick.isEmpty())
        return false;
    if (pickDue > now) {
        *wakeAt = std::min(*wakeAt, pickDue);
        return false;
    }
    if (pickDue > notAfterMs)
        return false;
    pollCollection(cs, pick);
    return true;
}

void ImportService::pollCollection(ConnState &cs, const QString &key)
{
    const auto rit = m_jobs.constFind(key);
    if (rit == m_jobs.constEnd()) {
        cs.collectionDueMs.remove(key);
        return;
    }
    const QString connectionId = cs.conn.id;
    Endpoint ep = cs.conn.endpoint(cs.token);
    const bool cloud = !ep.clusterId.isEmpty() && ep.effectiveDialect() == Dialect::V2;
    if (cloud && cs.collectionEp != ConnState::CollectionEndpoint::Known) {
        if (cs.collectionEp == ConnState::CollectionEndpoint::Asking) {
            cs.collectionDueMs.insert(key, mono() + 1000);
            return;
        }
        // Learn the cluster's own endpoint once; its status says whether the cluster is RUNNING.
        cs.collectionEp = ConnState::CollectionEndpoint::Asking;
        cs.budget.spend(mono());
        ++cs.inFlight;
        CollectionApi::describeCluster(*m_client, ep, ep.clusterId, cs.context.get(), [this, connectionId](const ClusterInfo &c, const ApiError &e) {
            ConnState *s = state(connectionId);
            if (!s)
                return;
            --s->inFlight;
            const QUrl url(c.connectAddress);
            if (e.isError() || !url.isValid() || url.scheme().isEmpty()) {
                // A key without control-plane rights, or no address: retried later unless the route is missing.
                s->collectionEp = e.httpStatus == 404 || (!e.isError()) ? ConnState::CollectionEndpoint::None
                                                                        : ConnState::CollectionEndpoint::Unknown;
                for (auto it = s->collectionDueMs.begin(); it != s->collectionDueMs.end(); ++it)
                    it.value() = mono() + 10 * m_options.collectionIntervalMs;
                if (s->collectionEp == ConnState::CollectionEndpoint::None)
                    s->collectionDueMs.clear();
            } else {
                s->collectionEp = ConnState::CollectionEndpoint::Known;
                s->collectionBaseUrl = url;
            }
            const QString shown = c.status.isEmpty() || c.status.compare(QLatin1String("RUNNING"), Qt::CaseInsensitive) == 0 ? QString() : c.status;
            if (s->health.clusterStatus != shown) {
                s->health.clusterStatus = shown;
                Q_EMIT healthChanged(connectionId);
            }
            pump(connectionId);
        });
        return;
    }
    if (cloud) {
        ep.baseUrl = cs.collectionBaseUrl;
        ep.clusterId.clear();
        ep.projectId.clear();
        ep.regionId.clear();
    }
    const QString dbName = rit->createParams.value(QLatin1String("dbName")).toString(cs.conn.dbName);
    cs.collectionsInFlight.insert(key);
    cs.budget.spend(mono());
    ++cs.inFlight;
    CollectionApi::fetchCollection(
        *m_client, ep, *rit->job.collectionName, dbName.isEmpty() ? cs.conn.dbName : dbName, cs.context.get(),
        [this, connectionId, key](const CollectionState &c, const ApiError &e) { onCollection(connectionId, key, c, e); },
        [this, connectionId](std::function<void()> send) { whenBudgetAllows(connectionId, std::move(send)); });
}

void ImportService::onCollection(const QString &connectionId, const QString &key, const CollectionState &c, const ApiError &e)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return;
    --cs->inFlight;
    cs->collectionsInFlight.remove(key);
    const auto rit = m_jobs.find(key);
    if (rit == m_jobs.end()) {
        cs->collectionDueMs.remove(key);
        pump(connectionId);
        return;
    }
    JobRecord &r = *rit;
    if (e.isError()) {
        // The collection is gone (code 100) or the answer refused: stop following it; a passing fault: later.
        if (e.retryable)
            cs->collectionDueMs.insert(key, mono() + 4 * m_options.collectionIntervalMs);
        else
            cs->collectionDueMs.remove(key);
        // A network fault or a refused key is the connection's, as for any job's answer: it backs off as a whole.
        if (e.retryable || e.kind == ErrorKind::Auth || e.kind == ErrorKind::Forbidden || e.kind == ErrorKind::Tls)
            onConnectionError(*cs, e);
        pump(connectionId);
        return;
    }
    if (!c.present) {
        // None of the endpoints exist on this server: not an error, and not asked again on this connection.
        cs->collectionEp = ConnState::CollectionEndpoint::None;
        cs->collectionDueMs.clear();
        pump(connectionId);
        return;
    }
    CollectionState fresh = c;
    fresh.waitingForRows = waitingForRows(r, c);
    // Asked to refresh: searchable all along, until the load has settled again.
    fresh.refreshing = r.collection.refreshing && (c.loadState == LoadState::Loading || c.loadState == LoadState::Unknown);
    if (fresh != r.collection) {
        r.collection = fresh;
        Q_EMIT jobChanged(r);
        const CollectionPhase before = r.collectionAnnounced;
        const CollectionPhase after = collectionPhase(fresh);
        // Each step is announced once: a collection that goes back (a refresh_load, an index rebuilt) and reaches
        // Searchable again is not "ready to search" a second time.
        if (after != before && !(before == CollectionPhase::Searchable && after != CollectionPhase::IndexFailed)) {
            r.collectionAnnounced = after;
            Q_EMIT collectionTransition(r, before, after);
        }
    }
    if (wantsCollection(r))
        cs->collectionDueMs.insert(key, mono() + m_options.collectionIntervalMs);
    else
        cs->collectionDueMs.remove(key);
    pump(connectionId);
}

void ImportService::refreshLoad(const QString &key, std::function<void(const ApiError &)> done)
{
    const JobRecord *r = job(key);
    ConnState *cs = r ? state(r->connectionId) : nullptr;
    if (!cs || !r->job.collectionName) {
        done(ApiError::make(ErrorKind::NotFound, tr("No such job.")));
        return;
    }
    Endpoint ep = cs->conn.endpoint(cs->token);
    if (!ep.clusterId.isEmpty() && cs->collectionEp == ConnState::CollectionEndpoint::Known) {
        ep.baseUrl = cs->collectionBaseUrl;
        ep.clusterId.clear();
    }
    const QString connectionId = cs->conn.id;
    const QString dbName = r->createParams.value(QLatin1String("dbName")).toString(cs->conn.dbName);
    cs->budget.spend(mono());
    CollectionApi::refreshLoad(*m_client, ep, *r->job.collectionName, dbName, cs->context.get(), [this, key, connectionId, done](const ApiError &e) {
        if (ConnState *c = state(connectionId); c && !e.isError()) {
            // Follow it again: it loads its new segments.
            const auto it = m_jobs.find(key);
            if (it != m_jobs.end()) {
                it->collection.loadState = LoadState::Loading;
                it->collection.refreshing = true;
                c->collectionDueMs.insert(key, mono());
                schedule(*c, mono());
            }
        }
        done(e);
    });
}

void ImportService::listClusters(const Connection &conn, const std::optional<QByteArray> &key, QObject *context,
                                 std::function<void(const QVector<ClusterInfo> &, const ApiError &)> done)
{
    QPointer<QObject> ctx(context);
    auto run = [this, conn, ctx, done](const QByteArray &token) {
        if (ctx)
            CollectionApi::listClusters(*m_client, conn.endpoint(token), ctx, done);
    };
    if (key || !conn.hasKey)
        return run(key.value_or(QByteArray()));
    if (const ConnState *cs = state(conn.id); cs && cs->keyReady)
        return run(cs->token);
    m_keys->read(conn, false, context, [run](const QByteArray &token, const QString &) { run(token); });
}
