#include "ImportApiClient.h"

#include "BackgroundThread.h"

#include "OneShotBody.h"
#include "ResponseParser.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace {
const QString kV2Prefix = QStringLiteral("/v2/vectordb/jobs/import");
const QString kV1Get = QStringLiteral("/v1/vector/collections/import/get");
const QString kV1List = QStringLiteral("/v1/vector/collections/import/list");
const QString kV1Create = QStringLiteral("/v1/vector/collections/import");
constexpr int kListPageSize = 100;
constexpr int kMaxPages = 1000;

int parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const double secs = value.trimmed().toDouble(&ok);
    if (ok)
        return secs < 0 ? -1 : static_cast<int>(std::min(secs, 3600.0) * 1000);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return static_cast<int>(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, 3600000));
    return -1;
}

ApiError transportError(QNetworkReply::NetworkError err, const QString &text, const QString &path)
{
    ErrorKind kind = ErrorKind::Network;
    switch (err) {
    case QNetworkReply::TimeoutError: kind = ErrorKind::Timeout; break;
    case QNetworkReply::SslHandshakeFailedError: kind = ErrorKind::Tls; break;
    case QNetworkReply::ContentReSendError:
        // A one-shot body (a create) whose connection closed before any answer: the answer is lost, not refused.
        return ApiError::make(kind, QStringLiteral("the connection closed before the server answered"), path);
    default: break;
    }
    return ApiError::make(kind, text, path);
}

// Below this size a body parses in well under a millisecond: cheaper than a hop to another thread.
constexpr qsizetype kOffThreadParseBytes = 32 * 1024;
} // namespace

ImportApiClient::ImportApiClient(QNetworkAccessManager &nam, QObject *parent)
    : QObject(parent), m_nam(nam), m_parsePool(new QThreadPool(this))
{
    m_parsePool->setMaxThreadCount(1);
}

ImportApiClient::~ImportApiClient()
{
    cancelAll();
    m_parsePool->waitForDone();
}

template<typename Parse, typename Done>
void ImportApiClient::parseThen(qsizetype bodySize, Parse parse, Done done)
{
    if (bodySize < kOffThreadParseBytes) {
        done(parse());
        return;
    }
    // The continuation runs on this object's thread, and not at all once this object is gone.
    QtConcurrent::run(m_parsePool, [parse = std::move(parse)]() mutable {
        BackgroundThread::enter();
        return parse();
    }).then(this, std::move(done));
}

void ImportApiClient::cancelAll()
{
    const auto replies = m_replies;
    m_replies.clear();
    for (const auto &r : replies) {
        if (r) {
            r->disconnect(this);
            r->setProperty("bw_cancelled", true);
            r->abort();
            r->deleteLater();
        }
    }
    m_inFlight = 0;
}

QString ImportApiClient::progressKey(const Endpoint &ep)
{
    return ep.baseUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QString ImportApiClient::knownProgressPath(const Endpoint &ep) const
{
    return m_progressPath.value(progressKey(ep));
}

void ImportApiClient::send(const QByteArray &method, const Endpoint &ep, const QString &apiPath,
                           const QUrlQuery &query, const QByteArray &body, RawCallback cb, const SendExtras &extras)
{
    QUrl url = ep.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + apiPath);
    if (!query.isEmpty())
        url.setQuery(query);
    sendTo(method, ep, url, apiPath, body, std::move(cb), 5, extras);
}

void ImportApiClient::sendTo(const QByteArray &method, const Endpoint &ep, const QUrl &url, const QString &apiPath,
                             const QByteArray &body, RawCallback cb, int redirectsLeft, const SendExtras &extras)
{
    QNetworkRequest req(url);
    // Redirects are ours to judge: an Authorization header must never reach another origin.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(m_deadlineMs);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Bulkwatch/" BULKWATCH_VERSION));
    req.setRawHeader("Accept", "application/json");
    if (!body.isEmpty() || method == "POST")
        req.setRawHeader("Content-Type", "application/json");
    if (!ep.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + ep.token);
    if (!ep.dbName.isEmpty())
        req.setRawHeader("DB-Name", ep.dbName.toUtf8());
    if (!ep.caFile.isEmpty()) {
        auto it = m_caCache.find(ep.caFile);
        if (it == m_caCache.end())
            it = m_caCache.insert(ep.caFile, QSslCertificate::fromPath(ep.caFile, QSsl::Pem));
        if (it->isEmpty()) {
            m_caCache.erase(it); // maybe it appears later
            RawAnswer a;
            a.path = apiPath;
            a.transportError = ApiError::make(ErrorKind::Tls, QStringLiteral("cannot read a PEM certificate from the CA file %1").arg(ep.caFile), apiPath);
            a.transportError.retryable = false;
            QTimer::singleShot(0, this, [cb, a] { cb(a); });
            return;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(*it);
        req.setSslConfiguration(tls);
    }
    req.setRawHeader("Request-Timeout", QByteArray::number(std::max(1, m_deadlineMs / 1000)));
    for (const auto &h : extras.headers)
        req.setRawHeader(h.first, h.second);

    QNetworkReply *reply = nullptr;
    if (method == "GET") {
        reply = m_nam.get(req);
    } else if (extras.oneShot) {
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        auto *device = new OneShotBody(body);
        reply = m_nam.sendCustomRequest(req, method, device);
        device->setParent(reply);
    } else {
        reply = m_nam.sendCustomRequest(req, method, body);
    }
    m_replies.append(reply);
    ++m_inFlight;

    struct State
    {
        QByteArray buffer;
        bool deadlineHit = false;
        bool tooLarge = false;
        QElapsedTimer clock;
    };
    auto st = std::make_shared<State>();
    st->clock.start();
    const qint64 cap = m_maxBodyBytes;

    // The overall deadline: a body that drips a byte a second never trips an inactivity timeout.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, st] {
        st->deadlineHit = true;
        reply->abort();
    });
    deadline->start(m_deadlineMs);

    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, st, cap] {
        const QVariant len = reply->header(QNetworkRequest::ContentLengthHeader);
        if (len.isValid() && len.toLongLong() > cap) {
            st->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, st, cap] {
        if (st->tooLarge)
            return;
        st->buffer += reply->readAll();
        if (st->buffer.size() > cap) {
            st->tooLarge = true;
            st->buffer.clear();
            st->buffer.squeeze();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [=, cb = std::move(cb)]() {
        m_replies.removeAll(QPointer<QNetworkReply>(reply));
        --m_inFlight;
        reply->deleteLater();
        if (reply->property("bw_cancelled").toBool())
            return;
        if (!st->tooLarge)
            st->buffer += reply->readAll();

        RawAnswer a;
        a.path = apiPath;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"));
        const auto err = reply->error();
        if (m_logger) {
            m_logger(QStringLiteral("%1 %2 -> %3 (%4 ms)")
                         .arg(QString::fromLatin1(method), url.toDisplayString(QUrl::RemoveUserInfo),
                              a.status ? QString::number(a.status) : reply->errorString())
                         .arg(st->clock.elapsed()));
        }
        if (st->tooLarge) {
            a.transportError = ApiError::make(
                ErrorKind::Malformed,
                QStringLiteral("the answer is larger than %1 MiB and was refused unread").arg(cap / (1024.0 * 1024.0), 0, 'g', 4),
                apiPath);
            a.transportError.retryable = true; // refused every time it comes; asked again later, after a backoff
            a.transportError.httpStatus = a.status;
        } else if (st->deadlineHit) {
            a.transportError = ApiError::make(
                ErrorKind::Timeout, QStringLiteral("no complete answer within %1 s").arg(m_deadlineMs / 1000.0), apiPath);
        } else if (err != QNetworkReply::NoError && (err < QNetworkReply::ContentAccessDenied || a.status == 0)) {
            // Connection-level failure (refused, reset mid-body, TLS): whatever status came is not trustworthy.
            a.transportError = transportError(err, reply->errorString(), apiPath);
            a.status = 0;
        } else if (a.status >= 300 && a.status < 400) {
            const QUrl target = url.resolved(reply->header(QNetworkRequest::LocationHeader).toUrl());
            const auto originOf = [](const QUrl &u) {
                return u.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
            };
            if (!target.isValid() || target.isEmpty()) {
                a.transportError = ApiError::make(ErrorKind::Network, QStringLiteral("redirect without a target"), apiPath);
            } else if (originOf(target) != originOf(url)) {
                a.transportError = ApiError::make(
                    ErrorKind::Network,
                    QStringLiteral("the server redirected to another host (%1); not followed, so the key stays here")
                        .arg(originOf(target).toDisplayString()),
                    apiPath);
                a.transportError.retryable = true; // a proxy's mistake may be mended: ask again later, never follow
            } else if (redirectsLeft <= 0) {
                a.transportError = ApiError::make(ErrorKind::Network, QStringLiteral("too many redirects"), apiPath);
            } else {
                Q_EMIT exchanged(apiPath, a.status);
                sendTo(method, ep, target, apiPath, body, cb, redirectsLeft - 1, extras);
                return;
            }
            a.transportError.httpStatus = a.status;
        } else {
            a.body = std::move(st->buffer);
        }
        Q_EMIT exchanged(apiPath, a.status);
        cb(a);
    });
}

static Envelope envelopeOf(const QString &path, int status, const QByteArray &body, int retryAfterMs)
{
    Envelope env = ResponseParser::parseEnvelope(status, body, path);
    env.error.retryAfterMs = retryAfterMs;
    return env;
}

// The common shape of an answer handler: nothing for a dead context, transport and API errors to `fail`,
// a good envelope to `ok`.
template<typename Ok>
static std::function<void(const ImportApiClient::RawAnswer &)> onEnvelope(QPointer<QObject> ctx, std::function<void(const ApiError &)> fail, Ok ok)
{
    return [ctx, fail, ok](const ImportApiClient::RawAnswer &a) {
        if (!ctx)
            return;
        if (a.transportError.isError())
            return fail(a.transportError);
        const Envelope env = envelopeOf(a.path, a.status, a.body, a.retryAfterMs);
        if (env.error.isError())
            return fail(env.error);
        ok(env, a.path);
    };
}

QByteArray ImportApiClient::v2ProgressBody(const Endpoint &ep, const QString &jobId) const
{
    QJsonObject o{{QStringLiteral("jobId"), jobId}};
    if (!ep.clusterId.isEmpty())
        o.insert(QStringLiteral("clusterId"), ep.clusterId);
    if (!ep.projectId.isEmpty()) {
        o.insert(QStringLiteral("projectId"), ep.projectId);
        o.insert(QStringLiteral("regionId"), ep.regionId);
    }
    if (!ep.dbName.isEmpty())
        o.insert(QStringLiteral("dbName"), ep.dbName);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void ImportApiClient::fetchProgress(const Endpoint &ep, const QString &jobId, QObject *context, ProgressCallback cb)
{
    const Dialect dialect = m_probedDialect.value(progressKey(ep), ep.effectiveDialect());
    if (dialect == Dialect::CloudV1) {
        probeProgress(ep, jobId, QStringList{kV1Get}, true, QPointer<QObject>(context), std::move(cb));
        return;
    }
    QStringList paths;
    const QString known = m_progressPath.value(progressKey(ep));
    if (!known.isEmpty())
        paths << known;
    else
        paths << kV2Prefix + QStringLiteral("/describe") << kV2Prefix + QStringLiteral("/get_progress")
              << kV2Prefix + QStringLiteral("/getProgress");
    if (known.isEmpty() && ep.dialect == Dialect::Auto)
        paths << kV1Get; // last resort when auto-detecting: the legacy cloud API
    probeProgress(ep, jobId, paths, true, QPointer<QObject>(context), std::move(cb));
}

void ImportApiClient::probeProgress(const Endpoint &ep, const QString &jobId, QStringList paths, bool allNotFound,
                                    QPointer<QObject> context, ProgressCallback cb)
{
    if (paths.isEmpty()) {
        ApiError e = ApiError::make(
            allNotFound ? ErrorKind::Unsupported : ErrorKind::Malformed,
            allNotFound ? QStringLiteral("no import-progress endpoint answered at %1 (describe, get_progress and "
                                         "getProgress all gave HTTP 404): is this a Milvus >= 2.4 or Zilliz Cloud URL?")
                              .arg(ep.displayUrl())
                        : QStringLiteral("the progress endpoints answered without JSON"),
            kV2Prefix + QStringLiteral("/describe"));
        e.retryable = !allNotFound; // garbage may pass (a proxy, a restart); a missing API will not
        if (allNotFound)
            e.httpStatus = 404;
        return cb({}, e);
    }
    const QString path = paths.takeFirst();
    const bool legacy = path == kV1Get;
    QUrlQuery q;
    if (legacy) {
        q.addQueryItem(QStringLiteral("jobId"), jobId);
        q.addQueryItem(QStringLiteral("clusterId"), ep.clusterId);
    }
    const QByteArray body = legacy ? QByteArray() : v2ProgressBody(ep, jobId);
    send(legacy ? "GET" : "POST", ep, path, q, body,
         [this, ep, jobId, paths, allNotFound, context, cb, legacy](const RawAnswer &a) {
             if (!context)
                 return;
             if (a.transportError.isError())
                 return cb({}, a.transportError);
             struct Parsed
             {
                 Envelope env;
                 JobProgress job;
             };
             // The body is parsed once, into the typed values, off this thread when it is large.
             auto parse = [a, legacy] {
                 ProgressAnswer answer = ResponseParser::parseProgressAnswer(a.status, a.body, a.path, legacy ? Dialect::CloudV1 : Dialect::V2);
                 answer.envelope.error.retryAfterMs = a.retryAfterMs;
                 return Parsed{std::move(answer.envelope), std::move(answer.job)};
             };
             parseThen(a.body.size(), parse, [this, ep, jobId, paths, allNotFound, context, cb, legacy, a](const Parsed &p) {
                 if (!context)
                     return;
                 const Envelope &env = p.env;
                 // Only a route that does not exist moves the probe on; a JSON 404 with a code is the handler speaking.
                 const bool handlerAnswered = a.status == 404 && env.isJsonObject && env.error.code.has_value();
                 if ((a.status == 404 && !handlerAnswered) || (a.status >= 200 && a.status < 300 && !env.isJsonObject)) {
                     probeProgress(ep, jobId, paths, allNotFound && a.status == 404, context, cb);
                     return;
                 }
                 const QString key = progressKey(ep);
                 if (!env.error.isError() || env.error.kind == ErrorKind::NotFound) {
                     m_progressPath.insert(key, a.path);
                     if (legacy)
                         m_probedDialect.insert(key, Dialect::CloudV1);
                 }
                 if (env.error.isError())
                     return cb({}, env.error);
                 cb(p.job, {});
             });
         });
}

void ImportApiClient::listJobs(const Endpoint &ep, const QString &collection, QObject *context, ListCallback cb, PageGate beforeNextPage)
{
    fetchListPage(ep, collection, 1, {}, QPointer<QObject>(context), std::move(cb), std::move(beforeNextPage));
}

void ImportApiClient::fetchListPage(const Endpoint &ep, const QString &collection, int page, QVector<JobSummary> acc,
                                    QPointer<QObject> context, ListCallback cb, PageGate gate)
{
    const Dialect dialect = m_probedDialect.value(progressKey(ep), ep.effectiveDialect());
    const bool paged = dialect == Dialect::CloudV1 || !ep.clusterId.isEmpty() || !ep.projectId.isEmpty();
    QUrlQuery q;
    QByteArray body;
    QString path;
    if (dialect == Dialect::CloudV1) {
        path = kV1List;
        q.addQueryItem(QStringLiteral("clusterId"), ep.clusterId);
        q.addQueryItem(QStringLiteral("pageSize"), QString::number(kListPageSize));
        q.addQueryItem(QStringLiteral("currentPage"), QString::number(page));
    } else {
        path = kV2Prefix + QStringLiteral("/list");
        QJsonObject o;
        if (!ep.dbName.isEmpty())
            o.insert(QStringLiteral("dbName"), ep.dbName);
        if (!collection.isEmpty())
            o.insert(QStringLiteral("collectionName"), collection);
        if (!ep.clusterId.isEmpty())
            o.insert(QStringLiteral("clusterId"), ep.clusterId);
        if (!ep.projectId.isEmpty()) {
            o.insert(QStringLiteral("projectId"), ep.projectId);
            o.insert(QStringLiteral("regionId"), ep.regionId);
        }
        if (paged) {
            o.insert(QStringLiteral("pageSize"), kListPageSize);
            o.insert(QStringLiteral("currentPage"), page);
        }
        body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    send(dialect == Dialect::CloudV1 ? "GET" : "POST", ep, path, q, body,
         [this, ep, collection, page, acc, context, cb, dialect, paged, gate](const RawAnswer &a) mutable {
             if (!context)
                 return;
             if (a.transportError.isError())
                 return cb(acc, a.transportError);
             struct Parsed
             {
                 ApiError error;
                 ListPage page;
             };
             auto parse = [a, dialect] {
                 ListAnswer answer = ResponseParser::parseListAnswer(a.status, a.body, a.path, dialect);
                 answer.envelope.error.retryAfterMs = a.retryAfterMs;
                 return Parsed{std::move(answer.envelope.error), std::move(answer.page)};
             };
             parseThen(a.body.size(), parse, [this, ep, collection, page, acc, context, cb, paged, gate](const Parsed &parsed) mutable {
                 if (!context)
                     return;
                 if (parsed.error.isError())
                     return cb(acc, parsed.error);
                 const ListPage &p = parsed.page;
                 acc += p.jobs;
                 const qint64 size = p.pageSize.value_or(kListPageSize);
                 const bool more = paged && (p.pageSize || p.count) && !p.jobs.isEmpty() && p.jobs.size() >= size
                     && !(p.count && acc.size() >= *p.count) && page < kMaxPages;
                 if (more) {
                     if (!gate)
                         return fetchListPage(ep, collection, page + 1, acc, context, cb, gate);
                     QPointer<ImportApiClient> self(this);
                     return gate([self, ep, collection, page, acc, context, cb, gate] {
                         if (self && context)
                             self->fetchListPage(ep, collection, page + 1, acc, context, cb, gate);
                     });
                 }
                 cb(acc, {});
             });
         });
}

void ImportApiClient::createJob(const Endpoint &ep, const CreateRequest &r, QObject *context, CreateCallback cb)
{
    const Dialect dialect = ep.effectiveDialect();
    QJsonObject o;
    QString path;
    if (!r.collectionName.isEmpty())
        o.insert(QStringLiteral("collectionName"), r.collectionName);
    if (!r.partitionName.isEmpty())
        o.insert(QStringLiteral("partitionName"), r.partitionName);
    if (!ep.clusterId.isEmpty())
        o.insert(QStringLiteral("clusterId"), ep.clusterId);
    if (!r.accessKey.isEmpty())
        o.insert(QStringLiteral("accessKey"), QString::fromUtf8(r.accessKey));
    if (!r.secretKey.isEmpty())
        o.insert(QStringLiteral("secretKey"), QString::fromUtf8(r.secretKey));
    if (dialect == Dialect::CloudV1) {
        path = kV1Create;
        if (!r.fileGroups.isEmpty() && !r.fileGroups.first().isEmpty())
            o.insert(QStringLiteral("objectUrl"), r.fileGroups.first().first());
    } else {
        path = kV2Prefix + QStringLiteral("/create");
        const QString dbName = r.dbName.isEmpty() ? ep.dbName : r.dbName;
        if (!dbName.isEmpty())
            o.insert(QStringLiteral("dbName"), dbName);
        QJsonArray groups;
        for (const QStringList &g : r.fileGroups)
            groups.append(QJsonArray::fromStringList(g));
        o.insert(ep.isZillizCloud() || !ep.clusterId.isEmpty() ? QStringLiteral("objectUrls") : QStringLiteral("files"), groups);
        if (!r.options.isEmpty())
            o.insert(QStringLiteral("options"), r.options);
    }
    // A create must never go out twice behind our back: Qt's own resend is disabled (OneShotBody.h); the caller
    // resends a lost answer with the same Idempotency-Key.
    SendExtras extras;
    extras.oneShot = true;
    if (!r.idempotencyKey.isEmpty())
        extras.headers << qMakePair(QByteArray("Idempotency-Key"), r.idempotencyKey.toLatin1());
    send("POST", ep, path, {}, QJsonDocument(o).toJson(QJsonDocument::Compact),
         onEnvelope(QPointer<QObject>(context), [cb](const ApiError &e) { cb({}, e); }, [cb](const Envelope &env, const QString &answerPath) {
             const QString id = ResponseParser::parseCreatedJobId(env.data);
             if (id.isEmpty())
                 return cb({}, ApiError::make(ErrorKind::Malformed, QStringLiteral("the server created a job but sent no job ID"), answerPath));
             cb(id, {});
         }), extras);
}

void ImportApiClient::postSimple(const Endpoint &ep, const QString &apiPath, const QString &jobId, QObject *context,
                                 DoneCallback cb)
{
    send("POST", ep, apiPath, {}, v2ProgressBody(ep, jobId),
         onEnvelope(QPointer<QObject>(context), cb, [cb](const Envelope &, const QString &) { cb({}); }));
}

void ImportApiClient::commitJob(const Endpoint &ep, const QString &jobId, QObject *context, DoneCallback cb)
{
    postSimple(ep, kV2Prefix + QStringLiteral("/commit"), jobId, context, std::move(cb));
}

void ImportApiClient::abortJob(const Endpoint &ep, const QString &jobId, QObject *context, DoneCallback cb)
{
    postSimple(ep, kV2Prefix + QStringLiteral("/abort"), jobId, context, std::move(cb));
}

void ImportApiClient::exchangeJson(const QByteArray &method, const Endpoint &ep, const QString &apiPath, const QUrlQuery &query,
                                   const QJsonObject &body, QObject *context, JsonCallback cb)
{
    const QByteArray bytes = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    send(method, ep, apiPath, query, bytes, [ctx = QPointer<QObject>(context), cb](const RawAnswer &a) {
        if (!ctx)
            return;
        if (a.transportError.isError())
            return cb(0, false, {}, a.transportError);
        const Envelope env = envelopeOf(a.path, a.status, a.body, a.retryAfterMs);
        cb(a.status, env.isJsonObject, env.rawData, env.error);
    });
}
