// What the dialogs ask the server before they act: does this job exist (Watch by ID), which collections are
// there (New import); and the history's retention. Every request goes through the connection's budget and its
// context, like the service's own polls.

#include "ImportService.h"

#include "ConnectionKeys.h"
#include "ImportApiClient.h"
#include "SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

QString ImportService::extractJobId(const QString &pasted)
{
    const QString text = pasted.trimmed();
    // A whole JSON answer or request: its jobId (at the top or under "data").
    if (text.startsWith(QLatin1Char('{'))) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        for (const QJsonObject &where : {o, o.value(QLatin1String("data")).toObject()}) {
            const QJsonValue v = where.value(QLatin1String("jobId"));
            if (v.isString() || v.isDouble())
                return normalisedJobId(v.isString() ? v.toString() : QString::number(v.toInteger()));
        }
    }
    // A line of JSON or a log: `"jobId": "4532…",`, `jobID=4532…`, `job_id: job-01…`.
    static const QRegularExpression keyed(QStringLiteral("(?:^|[^A-Za-z0-9_])[\"']?(?:job_?id|task_?id)[\"']?\\s*[:=]\\s*[\"'“”]?([A-Za-z0-9_.:-]+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = keyed.match(text);
    if (m.hasMatch())
        return m.captured(1);
    return normalisedJobId(text);
}

void ImportService::checkJob(const QString &connectionId, const QString &jobId, QObject *context,
                             std::function<void(const ApiError &)> done)
{
    ConnState *cs = state(connectionId);
    if (!cs) {
        done(ApiError::make(ErrorKind::Unsupported, tr("the connection is gone")));
        return;
    }
    if (!cs->keyReady) {
        done(ApiError::make(ErrorKind::Auth, cs->health.keyProblem.isEmpty() ? tr("the connection's key is not available yet")
                                                                             : cs->health.keyProblem));
        return;
    }
    QPointer<QObject> ctx(context);
    whenBudgetAllows(connectionId, [this, connectionId, jobId, ctx, done] {
        ConnState *c = state(connectionId);
        if (!c || !ctx)
            return;
        // Tied to the connection's context too: an edit or removal meanwhile drops the answer.
        m_client->fetchProgress(c->conn.endpoint(c->token), jobId, c->context.get(), [ctx, done](const JobProgress &, const ApiError &e) {
            if (ctx)
                done(e);
        });
    });
}

void ImportService::listCollections(const QString &connectionId, const QString &dbName, QObject *context,
                                    std::function<void(const QStringList &, const ApiError &)> done)
{
    ConnState *cs = state(connectionId);
    // Zilliz Cloud serves collections from each cluster's own endpoint, not the control plane Bulkwatch talks to.
    if (!cs || !cs->keyReady || cs->conn.kind == Connection::Kind::ZillizCloud || !cs->conn.clusterId.isEmpty()) {
        done({}, ApiError::make(ErrorKind::Unsupported, QStringLiteral("no collection list for this connection")));
        return;
    }
    QPointer<QObject> ctx(context);
    whenBudgetAllows(connectionId, [this, connectionId, dbName, ctx, done] {
        ConnState *c = state(connectionId);
        if (!c || !ctx)
            return;
        m_client->listCollections(c->conn.endpoint(c->token), dbName, c->context.get(),
                                  [ctx, done](const QStringList &names, const ApiError &e) {
                                      if (ctx)
                                          done(names, e);
                                  });
    });
}

int ImportService::forgetFinishedBefore(const QDateTime &cutoff)
{
    QStringList old;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        const JobRecord &r = it.value();
        if (isActive(r))
            continue;
        QDateTime last = r.endedAt.isValid() ? r.endedAt : r.lastChange;
        if (!last.isValid())
            last = r.firstSeen;
        if (last.isValid() && last < cutoff)
            old << it.key();
    }
    for (const QString &key : std::as_const(old))
        removeJob(key);
    return static_cast<int>(old.size());
}

void ImportService::probeKeychain(const QString &connectionId, QObject *context, std::function<void(bool, const QString &)> done)
{
    SecretStore *keychain = m_keys->keychain();
    // Without a keychain the service keeps keys in the session's memory: nothing is remembered past a restart.
    if (!keychain || keychain == m_keys->storeFor(true)) {
        done(false, tr("This session has no keychain."));
        return;
    }
    // The entry Retry would read: found or not found both mean the keychain works; anything else says why not.
    keychain->read(connectionId + QStringLiteral(":bucket"), context, [done](const SecretStore::Result &r) {
        const bool usable = r.status == SecretStore::Status::Ok || r.status == SecretStore::Status::NotFound;
        done(usable, usable ? QString() : r.message);
    });
}
