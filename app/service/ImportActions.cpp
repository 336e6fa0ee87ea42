// ImportService: starting, retrying, committing and aborting imports.

#include "ImportService.h"

#include "ConnectionKeys.h"
#include "CreateParams.h"
#include "HistoryStore.h"
#include "HistoryWriter.h"
#include "ImportApiClient.h"
#include "SafeCreate.h"
#include "SecretStore.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace {
QString bucketEntry(const QString &connectionId)
{
    return connectionId + QStringLiteral(":bucket");
}
} // namespace

CreateRequest ImportService::requestFor(const QString &key) const
{
    const JobRecord *r = job(key);
    if (!r)
        return {};
    if (!r->createParams.isEmpty())
        return CreateParams::fromJson(r->createParams);
    const Connection *c = connection(r->connectionId);
    return CreateParams::fromServerRecord(*r, c ? c->dbName : QString());
}

void ImportService::createJob(const QString &connectionId, const CreateRequest &request, bool rememberBucketKeys, CreateDone done)
{
    ConnState *cs = state(connectionId);
    if (!cs || !cs->keyReady) {
        done({}, ApiError::make(ErrorKind::Auth, cs ? tr("The connection's key is not available yet.") : tr("Choose a connection first.")));
        return;
    }
    CreateRequest req = request;
    // Every create carries a key of its own (a Retry comes through here with none, so it gets a new one).
    if (req.idempotencyKey.isEmpty())
        req.idempotencyKey = newIdempotencyKey();
    const bool remember = rememberBucketKeys && (!req.accessKey.isEmpty() || !req.secretKey.isEmpty());
    QJsonObject params = CreateParams::toJson(req, remember);
    params.insert(QStringLiteral("idempotencyKey"), req.idempotencyKey);
    if (remember) {
        const QByteArray keys = QJsonDocument(QJsonObject{{QStringLiteral("accessKey"), QString::fromUtf8(req.accessKey)},
                                                          {QStringLiteral("secretKey"), QString::fromUtf8(req.secretKey)}}).toJson(QJsonDocument::Compact);
        m_keys->keychain()->write(bucketEntry(connectionId), keys, this, [this](const SecretStore::Result &r) {
            if (r.status != SecretStore::Status::Ok)
                Q_EMIT historyError(tr("The bucket keys could not be kept in the keychain: %1").arg(r.message));
        });
    }
    if (!m_writer) {
        sendCreate(connectionId, req, params, 0, done);
        return;
    }
    // The key is in the history before the request leaves: whatever happens to the answer, it is known.
    HistoryStore::PendingCreate pending{req.idempotencyKey, connectionId, params, now()};
    m_writer->savePendingCreate(pending, cs->context.get(), [this, connectionId, req, params, done](bool) {
        sendCreate(connectionId, req, params, 0, done);
    });
}

void ImportService::sendCreate(const QString &connectionId, const CreateRequest &req, const QJsonObject &params, int resend, CreateDone done)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return;
    QPointer<QObject> ctx(cs->context.get());
    m_client->createJob(cs->conn.endpoint(cs->token), req, cs->context.get(), [this, connectionId, req, params, resend, done, ctx](const QString &jobId, const ApiError &e) {
        ConnState *c = state(connectionId);
        if (!ctx || !c)
            return;
        if (SafeCreate::answerLost(e) && resend < SafeCreate::MaxResends) {
            // The job may exist: the same request with the same key either makes it or names it.
            const qint64 delay = m_options.createResendDelayMs >= 0 ? m_options.createResendDelayMs
                                                                    : SafeCreate::resendDelayMs(resend + 1, e.retryAfterMs);
            QTimer::singleShot(delay, ctx, [this, connectionId, req, params, resend, done] {
                sendCreate(connectionId, req, params, resend + 1, done);
            });
            return;
        }
        // A lost answer after the last resend leaves its key in the history: nobody knows whether the job exists.
        if (m_writer && !SafeCreate::answerLost(e))
            m_writer->removePendingCreate(req.idempotencyKey);
        if (e.isError())
            return done({}, e);
        done(adoptCreatedJob(connectionId, jobId, params), {});
    });
}

QString ImportService::adoptCreatedJob(const QString &connectionId, const QString &jobId, const QJsonObject &params)
{
    const QString key = JobRecord::keyOf(connectionId, jobId);
    auto existing = m_jobs.find(key);
    if (existing != m_jobs.end()) {
        // A repeated key named a job already known (listed meanwhile): keep what is known, add how it was made.
        existing->createParams = params;
        existing->addedByHand = true;
        markDirty(key);
        Q_EMIT jobChanged(*existing);
        return key;
    }
    JobRecord r;
    r.connectionId = connectionId;
    r.job.jobId = jobId;
    r.job.collectionName = params.value(QLatin1String("collectionName")).toString();
    r.job.state = JobState::Pending;
    r.addedByHand = true;
    r.firstSeen = now();
    r.createParams = params;
    r.notifiedState = jobStateName(JobState::Pending);
    m_jobs.insert(key, r);
    m_dismissed.remove(key);
    markDirty(key);
    Q_EMIT jobChanged(r);
    if (ConnState *c = state(connectionId)) {
        c->dueMs.insert(key, 0); // watch it at once
        schedule(*c, 0);
    }
    return key;
}

bool ImportService::retryJob(const QString &key, CreateDone done)
{
    const JobRecord *r = job(key);
    if (!r || r->createParams.isEmpty())
        return false;
    const QString connectionId = r->connectionId;
    CreateRequest req = CreateParams::fromJson(r->createParams);
    if (!CreateParams::bucketKeysRemembered(r->createParams)) {
        createJob(connectionId, req, false, done);
        return true;
    }
    m_keys->keychain()->read(bucketEntry(connectionId), this, [this, connectionId, req, done](const SecretStore::Result &res) mutable {
        if (res.status != SecretStore::Status::Ok)
            return done({}, ApiError::make(ErrorKind::Auth, tr("The bucket keys could not be read from the keychain: %1").arg(res.message)));
        const QJsonObject keys = QJsonDocument::fromJson(res.secret).object();
        req.accessKey = keys.value(QLatin1String("accessKey")).toString().toUtf8();
        req.secretKey = keys.value(QLatin1String("secretKey")).toString().toUtf8();
        createJob(connectionId, req, true, done);
    });
    return true;
}

void ImportService::twoPhase(const QString &key, bool commit, std::function<void(const ApiError &)> done)
{
    const JobRecord *r = job(key);
    ConnState *cs = r ? state(r->connectionId) : nullptr;
    if (!cs) {
        done(ApiError::make(ErrorKind::NotFound, tr("No such job.")));
        return;
    }
    const QString connectionId = cs->conn.id;
    auto after = [this, key, connectionId, done, commit](const ApiError &e) {
        const auto rit = m_jobs.find(key);
        if (!commit && !e.isError() && rit != m_jobs.end()) {
            // The server will say Failed; the user asked for this end: it shows as Aborted.
            rit->abortedHere = true;
            markDirty(key);
            Q_EMIT jobChanged(*rit);
        }
        if (ConnState *c = state(connectionId)) {
            c->dueMs.insert(key, 0); // show the outcome at once
            schedule(*c, 0);
        }
        done(e);
    };
    if (commit)
        m_client->commitJob(cs->conn.endpoint(cs->token), r->job.jobId, cs->context.get(), after);
    else
        m_client->abortJob(cs->conn.endpoint(cs->token), r->job.jobId, cs->context.get(), after);
}

void ImportService::commitJob(const QString &key, std::function<void(const ApiError &)> done)
{
    twoPhase(key, true, std::move(done));
}

void ImportService::abortJob(const QString &key, std::function<void(const ApiError &)> done)
{
    twoPhase(key, false, std::move(done));
}
