// ImportService: creates whose answer nobody saw (the app crashed or quit while one was under way). Their
// Idempotency-Key is still in the history's pending_creates. At start each is looked for on the server; one that
// is not found is left to the user: resend it with the same key, or discard it.

#include "ImportService.h"

#include "ConnectionKeys.h"
#include "CreateParams.h"
#include "FileLabel.h"
#include "HistoryStore.h"
#include "HistoryWriter.h"
#include "ImportApiClient.h"
#include "SafeCreate.h"
#include "SecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <algorithm>

namespace {
// At most this many of the collection's jobs are described when looking for the lost one (the newest listed).
constexpr int MaxCandidates = 5;

QString bucketEntry(const QString &connectionId)
{
    return connectionId + QStringLiteral(":bucket");
}

// Whether a job the server describes holds the create's files: every name it reports is one of them (in whichever
// form: "[a.npy, b.npy]", a cloud's "a.parquet,b.parquet", Milvus' legacy paths:"…"), and it reports at least one.
// Without names nothing can be told.
bool sameFiles(const JobProgress &job, const QStringList &files)
{
    const QSet<QString> wanted(files.begin(), files.end());
    int seen = 0;
    for (const FileProgress &f : job.files) {
        QStringList names;
        for (const QString &p : FileLabel::parse(f.fileName).paths)
            names << p.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &name : std::as_const(names)) {
            if (!wanted.contains(name.trimmed()))
                return false;
            ++seen;
        }
    }
    return seen > 0;
}
} // namespace

void ImportService::loadUnconfirmed()
{
    if (!m_store || !m_store->isOpen())
        return;
    for (const HistoryStore::PendingCreate &p : m_store->pendingCreates()) {
        Unconfirmed u;
        u.params = p.params;
        u.shown.idempotencyKey = p.idempotencyKey;
        u.shown.connectionId = p.connectionId;
        u.shown.collectionName = p.params.value(QLatin1String("collectionName")).toString();
        for (const QStringList &group : CreateParams::fromJson(p.params).fileGroups)
            u.shown.files << group;
        u.shown.createdAt = p.createdAt;
        m_unconfirmed << u;
    }
}

QVector<ImportService::UnconfirmedCreate> ImportService::unconfirmedCreates() const
{
    QVector<UnconfirmedCreate> out;
    for (const Unconfirmed &u : m_unconfirmed)
        if (u.stage == Unconfirmed::Stage::Asking)
            out << u.shown;
    return out;
}

void ImportService::checkUnconfirmed(const QString &connectionId)
{
    ConnState *cs = state(connectionId);
    if (!cs || !cs->keyReady)
        return;
    for (Unconfirmed &u : m_unconfirmed) {
        // Asking stays asked. A check or a resend under way belonged to the connection's previous context, which
        // was dropped with its replies when the connection was saved again: start over.
        if (u.shown.connectionId != connectionId || u.stage == Unconfirmed::Stage::Asking)
            continue;
        u.stage = Unconfirmed::Stage::Checking;
        const QString idemKey = u.shown.idempotencyKey;
        const QString collection = u.shown.collectionName;
        const QDateTime createdAt = u.shown.createdAt;
        QPointer<QObject> ctx(cs->context.get());
        whenBudgetAllows(connectionId, [this, connectionId, idemKey, collection, createdAt, ctx] {
            ConnState *c = state(connectionId);
            if (!ctx || !c)
                return;
            m_client->listJobs(c->conn.endpoint(c->token), collection, ctx, [this, connectionId, idemKey, collection, createdAt](const QVector<JobSummary> &jobs, const ApiError &e) {
                if (e.isError())
                    return settleUnconfirmed(idemKey, Unconfirmed::Stage::Asking); // cannot tell: the user decides
                // Candidates: the collection's jobs Bulkwatch did not know before the key was written, and that no
                // other create of Bulkwatch's made.
                QStringList candidates;
                for (const JobSummary &s : jobs) {
                    if (s.collectionName && *s.collectionName != collection)
                        continue;
                    const auto known = m_jobs.constFind(JobRecord::keyOf(connectionId, s.jobId));
                    if (known != m_jobs.constEnd()) {
                        const QString madeWith = known->createParams.value(QLatin1String("idempotencyKey")).toString();
                        if ((!madeWith.isEmpty() && madeWith != idemKey)
                            || (madeWith.isEmpty() && known->firstSeen.isValid() && known->firstSeen < createdAt))
                            continue;
                    }
                    candidates << s.jobId;
                }
                if (candidates.size() > MaxCandidates)
                    candidates = candidates.mid(candidates.size() - MaxCandidates);
                matchUnconfirmed(connectionId, idemKey, candidates);
            });
        });
    }
}

void ImportService::matchUnconfirmed(const QString &connectionId, const QString &idempotencyKey, QStringList candidates)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return;
    if (candidates.isEmpty())
        return settleUnconfirmed(idempotencyKey, Unconfirmed::Stage::Asking);
    const QString jobId = candidates.takeLast(); // the newest first
    QPointer<QObject> ctx(cs->context.get());
    whenBudgetAllows(connectionId, [this, connectionId, idempotencyKey, candidates, jobId, ctx] {
        ConnState *c = state(connectionId);
        if (!ctx || !c)
            return;
        m_client->fetchProgress(c->conn.endpoint(c->token), jobId, ctx, [this, connectionId, idempotencyKey, candidates, jobId](const JobProgress &job, const ApiError &e) {
            const auto it = std::find_if(m_unconfirmed.begin(), m_unconfirmed.end(),
                                         [&](const Unconfirmed &u) { return u.shown.idempotencyKey == idempotencyKey; });
            if (it == m_unconfirmed.end())
                return;
            if (e.isError() || !sameFiles(job, it->shown.files))
                return matchUnconfirmed(connectionId, idempotencyKey, candidates);
            // It reached the server: follow the job, forget the key.
            const Unconfirmed found = *it;
            m_unconfirmed.erase(it);
            if (m_writer)
                m_writer->removePendingCreate(idempotencyKey);
            QJsonObject params = found.params;
            params.insert(QStringLiteral("idempotencyKey"), idempotencyKey);
            const QString key = adoptCreatedJob(connectionId, jobId, params);
            Q_EMIT unconfirmedCreateReached(found.shown, key);
        });
    });
}

void ImportService::settleUnconfirmed(const QString &idempotencyKey, Unconfirmed::Stage stage)
{
    for (Unconfirmed &u : m_unconfirmed) {
        if (u.shown.idempotencyKey == idempotencyKey) {
            u.stage = stage;
            Q_EMIT unconfirmedCreatesChanged();
            return;
        }
    }
}

void ImportService::resendUnconfirmed(const QString &idempotencyKey, CreateDone done)
{
    const auto it = std::find_if(m_unconfirmed.begin(), m_unconfirmed.end(),
                                 [&](const Unconfirmed &u) { return u.shown.idempotencyKey == idempotencyKey; });
    if (it == m_unconfirmed.end() || it->stage != Unconfirmed::Stage::Asking)
        return done({}, ApiError::make(ErrorKind::NotFound, tr("This import is no longer waiting for an answer.")));
    const QString connectionId = it->shown.connectionId;
    ConnState *cs = state(connectionId);
    if (!cs || !cs->keyReady)
        return done({}, ApiError::make(ErrorKind::Auth, tr("The connection's key is not available yet.")));
    const QJsonObject params = it->params;
    CreateRequest req = CreateParams::fromJson(params);
    req.idempotencyKey = idempotencyKey;
    QJsonObject kept = params;
    kept.insert(QStringLiteral("idempotencyKey"), idempotencyKey);
    settleUnconfirmed(idempotencyKey, Unconfirmed::Stage::Resending);
    // Lost again: still nobody knows, so it is asked again. Any definite answer ends it (sendCreate drops the key).
    auto after = [this, idempotencyKey, done](const QString &key, const ApiError &e) {
        if (SafeCreate::answerLost(e)) {
            settleUnconfirmed(idempotencyKey, Unconfirmed::Stage::Asking);
        } else {
            m_unconfirmed.erase(std::remove_if(m_unconfirmed.begin(), m_unconfirmed.end(),
                                               [&](const Unconfirmed &u) { return u.shown.idempotencyKey == idempotencyKey; }),
                                m_unconfirmed.end());
            Q_EMIT unconfirmedCreatesChanged();
        }
        done(key, e);
    };
    if (!CreateParams::bucketKeysRemembered(params))
        return sendCreate(connectionId, req, kept, 0, after);
    m_keys->keychain()->read(bucketEntry(connectionId), this, [this, connectionId, req, kept, after, done](const SecretStore::Result &res) mutable {
        if (res.status != SecretStore::Status::Ok) {
            settleUnconfirmed(req.idempotencyKey, Unconfirmed::Stage::Asking); // nothing was sent
            return done({}, ApiError::make(ErrorKind::Auth, tr("The bucket keys could not be read from the keychain: %1").arg(res.message)));
        }
        const QJsonObject keys = QJsonDocument::fromJson(res.secret).object();
        req.accessKey = keys.value(QLatin1String("accessKey")).toString().toUtf8();
        req.secretKey = keys.value(QLatin1String("secretKey")).toString().toUtf8();
        sendCreate(connectionId, req, kept, 0, after);
    });
}

void ImportService::discardUnconfirmed(const QString &idempotencyKey)
{
    const auto it = std::find_if(m_unconfirmed.begin(), m_unconfirmed.end(),
                                 [&](const Unconfirmed &u) { return u.shown.idempotencyKey == idempotencyKey; });
    if (it == m_unconfirmed.end() || it->stage == Unconfirmed::Stage::Resending)
        return;
    m_unconfirmed.erase(it);
    if (m_writer)
        m_writer->removePendingCreate(idempotencyKey);
    Q_EMIT unconfirmedCreatesChanged();
}
