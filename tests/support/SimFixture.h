#pragma once
// Test helpers: an in-process bulkwatch-sim on 127.0.0.1, synchronous wrappers over real HTTP, the scenarios
// most tests share and connections to the simulator. Part of the bulkwatch_testsupport library.

#include "Connection.h"
#include "ImportApiClient.h"
#include "SimServer.h"

#include <QEventLoop> // kept for the tests that relied on these through this header
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <memory>

struct RawReply
{
    int status = 0;
    bool answered = false; // false: no reply within the wait
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return json().value(QLatin1String("data")).toObject(); }
    qint64 code() const { return json().value(QLatin1String("code")).toVariant().toLongLong(); }
};

RawReply httpCall(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});

class SimFixture
{
public:
    // With a certificate and key the server speaks https (set up before it listens). A simulator that does not
    // listen (or cannot load the certificate) ends the test program with a message: no test may run against it.
    explicit SimFixture(const SimScenario &scenario, SimDialect dialect = SimDialect::Milvus, int rateLimit = 0,
                        const QString &tlsCert = {}, const QString &tlsKey = {});
    QUrl url(const QString &path) const;
    Endpoint endpoint() const;
    RawReply post(QNetworkAccessManager &nam, const QString &path, const QJsonObject &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    std::unique_ptr<SimServer> server;
};

// A connection to this simulator, cloud ids filled in for the cloud dialects.
Connection simConnection(const SimFixture &sim, const QString &id = QStringLiteral("sim"), const QString &name = QStringLiteral("sim"));
// A plain connection to any URL (a Milvus server: no cluster id).
Connection connectionTo(const QUrl &baseUrl, const QString &id = QStringLiteral("sim"), const QString &name = QStringLiteral("sim"));
// A job's key on a connection (JobRecord::keyOf), "sim" unless told.
QString jobKey(const QString &jobId, const QString &connectionId = QStringLiteral("sim"));

struct ProgressResult
{
    JobProgress job;
    ApiError error;
    bool answered = false;
};
ProgressResult fetchProgressSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs = 60000);

struct ListResult
{
    QVector<JobSummary> jobs;
    ApiError error;
    bool answered = false;
};
ListResult listSync(ImportApiClient &client, const Endpoint &ep, const QString &collection = {}, int waitMs = 60000);

struct CreateResult
{
    QString jobId;
    ApiError error;
    bool answered = false;
};
CreateResult createSync(ImportApiClient &client, const Endpoint &ep, const CreateRequest &req, int waitMs = 60000);

struct DoneResult
{
    ApiError error;
    bool answered = false;
};
DoneResult commitSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs = 60000);
DoneResult abortSync(ImportApiClient &client, const Endpoint &ep, const QString &jobId, int waitMs = 60000);

// A job with a short, known timeline: pending 10 s, pre-import 10 s, files 10 s, sort 10 s, index 10 s.
SimJob timelineJob(const QString &id, int files = 2);

// The jobs most tests need: …922 completed long ago, …923 running from now (done at 50 s), …924 failed at 25 s.
SimScenario basicScenario(const QString &failReason = QStringLiteral("JSON parse: unexpected EOF"));

// One job only, …922: completed long ago, or (failed = true) failing at 25 s with "JSON parse: unexpected EOF".
SimScenario oneJobScenario(bool failed = false);
