#pragma once
// Speaks the import API over one QNetworkAccessManager: every dialect, path probing, paging,
// a deadline over the whole transfer, a body-size cap and same-origin-only redirects.

#include "ApiError.h"
#include "CreateRequest.h"
#include "Endpoint.h"
#include "ImportTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QThreadPool;

// Extra headers for one request; oneShot: the body cannot be resent by Qt itself (OneShotBody.h).
struct ApiSendExtras
{
    QList<QPair<QByteArray, QByteArray>> headers;
    bool oneShot = false;
};

class ImportApiClient : public QObject
{
    Q_OBJECT
public:
    using ProgressCallback = std::function<void(const JobProgress &, const ApiError &)>;
    using ListCallback = std::function<void(const QVector<JobSummary> &, const ApiError &)>;
    using CreateCallback = std::function<void(const QString &jobId, const ApiError &)>;
    using DoneCallback = std::function<void(const ApiError &)>;

    static constexpr int DefaultDeadlineMs = 30000;
    static constexpr qint64 DefaultMaxBodyBytes = 64LL * 1024 * 1024;

    explicit ImportApiClient(QNetworkAccessManager &nam, QObject *parent = nullptr);
    ~ImportApiClient() override;

    void setDeadlineMs(int ms) { m_deadlineMs = ms; }
    int deadlineMs() const { return m_deadlineMs; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    // Receives one line per exchange (method, URL without secrets, status, time); never headers or bodies.
    void setLogger(std::function<void(const QString &)> logger) { m_logger = std::move(logger); }

    // Callbacks run only while `context` lives; a destroyed context silently drops the answer.
    void fetchProgress(const Endpoint &ep, const QString &jobId, QObject *context, ProgressCallback cb);
    // A paged list asks beforeNextPage(send) before each page after the first; the caller runs send() when its
    // request budget allows (every page counts against the server's rate limit).
    using PageGate = std::function<void(std::function<void()> send)>;
    void listJobs(const Endpoint &ep, const QString &collection, QObject *context, ListCallback cb, PageGate beforeNextPage = {});
    void createJob(const Endpoint &ep, const CreateRequest &req, QObject *context, CreateCallback cb);
    void commitJob(const Endpoint &ep, const QString &jobId, QObject *context, DoneCallback cb);
    void abortJob(const Endpoint &ep, const QString &jobId, QObject *context, DoneCallback cb);
    // Milvus: the collection names of a database (POST /v2/vectordb/collections/list), in CollectionsList.cpp.
    using NamesCallback = std::function<void(const QStringList &names, const ApiError &)>;
    void listCollections(const Endpoint &ep, const QString &dbName, QObject *context, NamesCallback cb);

    // One JSON exchange on any path, for the endpoints that follow an import (CollectionApi.h): the same headers,
    // deadline, body cap and redirect rules. cb gets the HTTP status (0 = no answer), whether the body was a
    // JSON object, the envelope's data as sent, and the transport or API error.
    using JsonCallback = std::function<void(int httpStatus, bool isJson, const QJsonValue &data, const ApiError &error)>;
    void exchangeJson(const QByteArray &method, const Endpoint &ep, const QString &apiPath, const QUrlQuery &query,
                      const QJsonObject &body, QObject *context, JsonCallback cb);

    // The progress path that worked for this base URL ("" until one did).
    QString knownProgressPath(const Endpoint &ep) const;
    int requestsInFlight() const { return m_inFlight; }
    // Aborts every request under way; their callbacks are not called.
    void cancelAll();

    // One HTTP exchange's outcome, before the envelope is read.
    struct RawAnswer
    {
        int status = 0;
        QByteArray body;
        ApiError transportError; // kind None when an HTTP answer came
        int retryAfterMs = -1;
        QString path;
    };
    using RawCallback = std::function<void(const RawAnswer &)>;

Q_SIGNALS:
    // One per HTTP exchange, for request accounting and connection health (status 0 = no HTTP answer).
    void exchanged(const QString &path, int httpStatus);

private:
    using SendExtras = ApiSendExtras;
    void send(const QByteArray &method, const Endpoint &ep, const QString &apiPath, const QUrlQuery &query,
              const QByteArray &body, RawCallback cb, const SendExtras &extras = {});
    void sendTo(const QByteArray &method, const Endpoint &ep, const QUrl &url, const QString &apiPath,
                const QByteArray &body, RawCallback cb, int redirectsLeft, const SendExtras &extras = {});
    void probeProgress(const Endpoint &ep, const QString &jobId, QStringList paths, bool allNotFound,
                       QPointer<QObject> context, ProgressCallback cb);
    void fetchListPage(const Endpoint &ep, const QString &collection, int page, QVector<JobSummary> acc,
                       QPointer<QObject> context, ListCallback cb, PageGate gate);
    void postSimple(const Endpoint &ep, const QString &apiPath, const QString &jobId, QObject *context, DoneCallback cb);
    QByteArray v2ProgressBody(const Endpoint &ep, const QString &jobId) const;
    static QString progressKey(const Endpoint &ep);

    // Runs parse() on the parser thread for a large body (inline for a small one, where the hop costs more than
    // the parse), then done(result) on this object's thread.
    template<typename Parse, typename Done>
    void parseThen(qsizetype bodySize, Parse parse, Done done);

    QNetworkAccessManager &m_nam;
    QThreadPool *m_parsePool;
    int m_deadlineMs = DefaultDeadlineMs;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    int m_inFlight = 0;
    QHash<QString, QString> m_progressPath; // base URL -> working progress path
    QHash<QString, Dialect> m_probedDialect;
    QHash<QString, QList<QSslCertificate>> m_caCache; // CA file -> certificates
    QList<QPointer<QNetworkReply>> m_replies;
    std::function<void(const QString &)> m_logger;
};
