#include "SimFixture.h"

#include "JobRecord.h"
#include "Wait.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

RawReply httpCall(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(url);
    req.setRawHeader("Content-Type", "application/json");
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = method == "GET" ? nam.get(req) : nam.sendCustomRequest(req, method, body);
    RawReply r;
    r.answered = waitForSignal(reply, &QNetworkReply::finished, 20000);
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    r.retryAfter = reply->rawHeader("Retry-After");
    if (!r.answered)
        reply->abort();
    reply->deleteLater();
    return r;
}

SimFixture::SimFixture(const SimScenario &scenario, SimDialect dialect, int rateLimit, const QString &tlsCert,
                       const QString &tlsKey)
    : server(std::make_unique<SimServer>(scenario, dialect))
{
    server->setRateLimit(rateLimit);
    if (!tlsCert.isEmpty() && !server->enableTls(tlsCert, tlsKey))
        qFatal("SimFixture: bulkwatch-sim cannot serve https with %s and %s", qPrintable(tlsCert), qPrintable(tlsKey));
    if (server->start(0) == 0)
        qFatal("SimFixture: bulkwatch-sim did not start listening on 127.0.0.1 (no test may run against it)");
}

QUrl SimFixture::url(const QString &path) const
{
    QUrl u = server->baseUrl();
    u.setPath(path);
    return u;
}

Endpoint SimFixture::endpoint() const
{
    Endpoint ep;
    ep.baseUrl = server->baseUrl();
    if (server->dialect() != SimDialect::Milvus)
        ep.clusterId = server->engine().scenario().clusterId;
    if (server->dialect() == SimDialect::CloudV1)
        ep.dialect = Dialect::CloudV1;
    return ep;
}

RawReply SimFixture::post(QNetworkAccessManager &nam, const QString &path, const QJsonObject &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    return httpCall(nam, "POST", url(path), QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

Connection simConnection(const SimFixture &sim, const QString &id, const QString &name)
{
    Connection c = connectionTo(sim.server->baseUrl(), id, name);
    if (sim.server->dialect() == SimDialect::CloudV1)
        c.dialect = Dialect::CloudV1;
    if (sim.server->dialect() != SimDialect::Milvus) {
        c.kind = Connection::Kind::ZillizCloud;
        c.clusterId = QStringLiteral("in01-sim");
    }
    return c;
}

Connection connectionTo(const QUrl &baseUrl, const QString &id, const QString &name)
{
    Connection c;
    c.id = id;
    c.name = name;
    c.baseUrl = baseUrl;
    return c;
}

QString jobKey(const QString &jobId, const QString &connectionId)
{
    return JobRecord::keyOf(connectionId, jobId);
}

ProgressResult fetchProgressSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs)
{
    ProgressResult r;
    QObject context;
    client.fetchProgress(ep, jobId, &context, [&](const JobProgress &j, const ApiError &e) {
        r.job = j;
        r.error = e;
        r.answered = true;
    });
    waitUntil([&] { return r.answered; }, waitMs);
    return r; // the context dies here: a late answer finds no one
}

ListResult listSync(ImportApiClient &client, const Endpoint &ep, const QString &collection, int waitMs)
{
    ListResult r;
    QObject context;
    client.listJobs(ep, collection, &context, [&](const QVector<JobSummary> &jobs, const ApiError &e) {
        r.jobs = jobs;
        r.error = e;
        r.answered = true;
    });
    waitUntil([&] { return r.answered; }, waitMs);
    return r;
}

CreateResult createSync(ImportApiClient &client, const Endpoint &ep, const CreateRequest &req, int waitMs)
{
    CreateResult r;
    QObject context;
    client.createJob(ep, req, &context, [&](const QString &id, const ApiError &e) {
        r.jobId = id;
        r.error = e;
        r.answered = true;
    });
    waitUntil([&] { return r.answered; }, waitMs);
    return r;
}

namespace {
template<typename Call>
DoneResult doneSync(Call call, int waitMs)
{
    DoneResult r;
    QObject context;
    call(&context, [&](const ApiError &e) {
        r.error = e;
        r.answered = true;
    });
    waitUntil([&] { return r.answered; }, waitMs);
    return r;
}
} // namespace

DoneResult commitSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs)
{
    return doneSync([&](QObject *ctx, ImportApiClient::DoneCallback cb) { client.commitJob(ep, jobId, ctx, std::move(cb)); }, waitMs);
}

DoneResult abortSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs)
{
    return doneSync([&](QObject *ctx, ImportApiClient::DoneCallback cb) { client.abortJob(ep, jobId, ctx, std::move(cb)); }, waitMs);
}

SimJob timelineJob(const QString &id, int files)
{
    SimJob j;
    j.id = id;
    j.collection = QStringLiteral("quick_setup");
    j.pendingSeconds = 10;
    j.preimportSeconds = 10;
    j.sortSeconds = 10;
    j.indexSeconds = 10;
    for (int i = 0; i < files; ++i) {
        SimFile f;
        f.paths = QStringList{QStringLiteral("part-%1.parquet").arg(i)};
        f.rows = 1000;
        f.size = 1000 * 3157;
        f.seconds = 10;
        j.files << f;
    }
    return j;
}

SimScenario basicScenario(const QString &failReason)
{
    SimScenario s;
    SimJob done = timelineJob(QStringLiteral("453240863839750922"));
    done.createdAt = -1000;
    SimJob running = timelineJob(QStringLiteral("453240863839750923"));
    SimJob failed = timelineJob(QStringLiteral("453240863839750924"));
    failed.createdAt = -100;
    failed.failAt = 25;
    failed.failFiles = {1};
    failed.failReason = failReason;
    s.jobs = {done, running, failed};
    return s;
}

SimScenario oneJobScenario(bool failed)
{
    SimScenario s;
    SimJob j = timelineJob(QStringLiteral("453240863839750922"));
    if (failed) {
        j.createdAt = -100;
        j.failAt = 25;
        j.failReason = QStringLiteral("JSON parse: unexpected EOF");
    } else {
        j.createdAt = -1000;
    }
    s.jobs = {j};
    return s;
}
