#pragma once
// Test helpers: an in-process bulkwatch-sim on 127.0.0.1 and synchronous wrappers over real HTTP.

#include "Connection.h"
#include "ImportApiClient.h"
#include "SimServer.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <memory>

struct RawReply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return json().value(QLatin1String("data")).toObject(); }
    qint64 code() const { return json().value(QLatin1String("code")).toVariant().toLongLong(); }
};

inline RawReply httpCall(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest req(url);
    req.setRawHeader("Content-Type", "application/json");
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = method == "GET" ? nam.get(req) : nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    RawReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->rawHeader("Content-Type");
    r.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return r;
}

class SimFixture
{
public:
    // With a certificate and key the server speaks https (set up before it listens).
    explicit SimFixture(const SimScenario &scenario, SimDialect dialect = SimDialect::Milvus, int rateLimit = 0,
                        const QString &tlsCert = {}, const QString &tlsKey = {})
        : server(std::make_unique<SimServer>(scenario, dialect))
    {
        server->setRateLimit(rateLimit);
        if (!tlsCert.isEmpty())
            server->enableTls(tlsCert, tlsKey);
        server->start(0);
    }
    QUrl url(const QString &path) const
    {
        QUrl u = server->baseUrl();
        u.setPath(path);
        return u;
    }
    Endpoint endpoint() const
    {
        Endpoint ep;
        ep.baseUrl = server->baseUrl();
        if (server->dialect() != SimDialect::Milvus)
            ep.clusterId = server->engine().scenario().clusterId;
        if (server->dialect() == SimDialect::CloudV1)
            ep.dialect = Dialect::CloudV1;
        return ep;
    }
    RawReply post(QNetworkAccessManager &nam, const QString &path, const QJsonObject &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}) const
    {
        return httpCall(nam, "POST", url(path), QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    std::unique_ptr<SimServer> server;
};

// A connection to this simulator, cloud ids filled in for the cloud dialects.
inline Connection simConnection(const SimFixture &sim, const QString &id = QStringLiteral("sim"), const QString &name = QStringLiteral("sim"))
{
    Connection c;
    c.id = id;
    c.name = name;
    c.baseUrl = sim.server->baseUrl();
    if (sim.server->dialect() == SimDialect::CloudV1)
        c.dialect = Dialect::CloudV1;
    if (sim.server->dialect() != SimDialect::Milvus) {
        c.kind = Connection::Kind::ZillizCloud;
        c.clusterId = QStringLiteral("in01-sim");
    }
    return c;
}

struct ProgressResult
{
    JobProgress job;
    ApiError error;
    bool answered = false;
};

inline ProgressResult fetchProgressSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs = 60000)
{
    ProgressResult r;
    QEventLoop loop;
    client.fetchProgress(ep, jobId, &loop, [&](const JobProgress &j, const ApiError &e) {
        r.job = j;
        r.error = e;
        r.answered = true;
        loop.quit();
    });
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    if (!r.answered)
        loop.exec();
    return r;
}

struct ListResult
{
    QVector<JobSummary> jobs;
    ApiError error;
    bool answered = false;
};

inline ListResult listSync(ImportApiClient &client, const Endpoint &ep, const QString &collection = {})
{
    ListResult r;
    QEventLoop loop;
    client.listJobs(ep, collection, &loop, [&](const QVector<JobSummary> &jobs, const ApiError &e) {
        r.jobs = jobs;
        r.error = e;
        r.answered = true;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (!r.answered)
        loop.exec();
    return r;
}

// A job with a short, known timeline: pending 10 s, pre-import 10 s, files 10 s, sort 10 s, index 10 s.
inline SimJob timelineJob(const QString &id, int files = 2)
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

// The jobs most tests need: …922 completed long ago, …923 running from now (done at 50 s), …924 failed at 25 s.
inline SimScenario basicScenario(const QString &failReason = QStringLiteral("JSON parse: unexpected EOF"))
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
