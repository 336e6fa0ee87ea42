#include "SimServer.h"

#include "SimDescribeRenderer.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

QByteArray headerBlock(int status, const QByteArray &contentType, qint64 length,
                       const QList<QPair<QByteArray, QByteArray>> &extra)
{
    QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        h += "Content-Type: " + contentType + "\r\n";
    h += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &kv : extra)
        h += kv.first + ": " + kv.second + "\r\n";
    h += "\r\n";
    return h;
}
} // namespace

bool simDialectFromName(const QString &name, SimDialect *out)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("cloud-v1")) *out = SimDialect::CloudV1;
    else if (n == QLatin1String("cloud-v2")) *out = SimDialect::CloudV2;
    else if (n == QLatin1String("milvus")) *out = SimDialect::Milvus;
    else return false;
    return true;
}

QString simDialectName(SimDialect d)
{
    switch (d) {
    case SimDialect::CloudV1: return QStringLiteral("cloud-v1");
    case SimDialect::CloudV2: return QStringLiteral("cloud-v2");
    case SimDialect::Milvus: break;
    }
    return QStringLiteral("milvus");
}

SimServer::SimServer(const SimScenario &scenario, SimDialect dialect, QObject *parent)
    : QAbstractHttpServer(parent), m_engine(std::make_unique<SimEngine>(scenario)), m_dialect(dialect),
      m_renderer(std::make_unique<SimDescribeRenderer>(dialect, m_engine.get())), m_faults(scenario.faults)
{
    m_wall.start();
}

SimServer::~SimServer() = default;

quint16 SimServer::start(quint16 port)
{
    // The simulator owns its listening server (Qt 6.8 has no QAbstractHttpServer::listen() or sslSetup()).
    QTcpServer *server = nullptr;
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(m_sslConfig);
        server = ssl;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(QHostAddress::LocalHost, port)) {
        delete server;
        return 0;
    }
    m_port = server->serverPort();
    bind(server);
    return m_port;
}

bool SimServer::enableTls(const QString &certFile, const QString &keyFile)
{
    QFile c(certFile), k(keyFile);
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
        return false;
    const QSslCertificate cert(c.readAll(), QSsl::Pem);
    const QSslKey key(k.readAll(), QSsl::Rsa, QSsl::Pem);
    if (cert.isNull() || key.isNull())
        return false;
    m_sslConfig = QSslConfiguration::defaultConfiguration();
    m_sslConfig.setLocalCertificate(cert);
    m_sslConfig.setPrivateKey(key);
    m_tls = true;
    return true;
}

void SimServer::setSeed(quint32 seed)
{
    m_rng.seed(seed);
    m_engine->setSeed(seed);
}

QUrl SimServer::baseUrl() const
{
    QUrl u;
    u.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    return u;
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
namespace {
// Qt 6.5+ passes a responder, not the socket. The simulator's server (and, through the HTTP/1 handlers, its
// connections) are children of this object: the socket is the one connected from the request's peer.
QTcpSocket *socketOf(const QObject *server, const QHttpServerRequest &request)
{
    const auto sockets = server->findChildren<QTcpSocket *>();
    for (QTcpSocket *s : sockets) {
        if (s->peerPort() == request.remotePort() && s->peerAddress().isEqual(request.remoteAddress()))
            return s;
    }
    return nullptr;
}
} // namespace

bool SimServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = socketOf(this, request);
    if (!socket) {
        responder.write(QHttpServerResponder::StatusCode::InternalServerError);
        return true;
    }
    serve(request, socket);
    return true;
}

void SimServer::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = socketOf(this, request);
    if (socket)
        serveMissing(socket);
    else
        responder.write(QByteArray("404 page not found"), QByteArray("text/plain"), QHttpServerResponder::StatusCode::NotFound);
}
#else
bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    serve(request, socket);
    return true;
}

void SimServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    serveMissing(socket);
}
#endif

void SimServer::serveMissing(QTcpSocket *socket)
{
    Answer a;
    a.status = 404;
    a.contentType = "text/plain";
    a.body = "404 page not found";
    deliver(socket, a, nullptr);
}

void SimServer::serve(const QHttpServerRequest &request, QTcpSocket *socket)
{
    onRequest(request);
    const QString path = request.url().path();
    if (path.startsWith(QLatin1String("/_sim/"))) {
        deliver(socket, controlRoute(request, path), nullptr);
        return;
    }
    if (!request.value("Authorization").isEmpty())
        ++m_withAuth;

    const SimFaultRule *fault = takeFault(path);
    Answer a;
    if (overRateLimit(path)) {
        ++m_rateLimited;
        if (m_dialect == SimDialect::Milvus) {
            a = error(8, QStringLiteral("rate limit exceeded[rate=%1]").arg(m_rateLimit));
        } else {
            a = error(429, QStringLiteral("Too many requests, please try again later."), 429);
            a.headers << qMakePair(QByteArray("Retry-After"), QByteArray("1"));
        }
        fault = nullptr;
    } else {
        // faults that deform an answer (drip, reset, truncate) need the real one
        if (!lifecycleRoute(request, path, &a))
            a = route(request, path);
    }
    // What the client will see: the answer, a fault's own status, or 0 where no whole HTTP answer comes.
    int shownStatus = a.status;
    if (fault && fault->kind != QLatin1String("latency"))
        shownStatus = (fault->kind == QLatin1String("status") || fault->kind == QLatin1String("html5xx")) ? fault->status : 0;
    record(path, shownStatus);

    int delay = m_latencyMs + (fault && fault->kind == QLatin1String("latency") ? fault->latencyMs : 0);
    if (m_jitterMs > 0)
        delay += static_cast<int>(m_rng.bounded(m_jitterMs));
    if (delay <= 0) {
        deliver(socket, a, fault);
    } else {
        const SimFaultRule copy = fault ? *fault : SimFaultRule{};
        const bool hasFault = fault != nullptr;
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, socket, [this, guard, a, copy, hasFault] {
            if (guard)
                deliver(guard, a, hasFault ? &copy : nullptr);
        });
    }
}

bool SimServer::overRateLimit(const QString &path)
{
    if (m_rateLimit <= 0)
        return false;
    const qint64 now = m_wall.elapsed();
    auto &window = m_window[path];
    while (!window.empty() && window.front() <= now - 1000)
        window.pop_front();
    if (static_cast<int>(window.size()) >= m_rateLimit)
        return true;
    window.push_back(now);
    return false;
}

const SimFaultRule *SimServer::takeFault(const QString &path)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        SimFaultRule &f = m_faults[i];
        if (!f.path.isEmpty() && !path.contains(f.path))
            continue;
        if (f.remaining == 0)
            continue;
        if (f.probability < 1.0 && m_rng.generateDouble() >= f.probability)
            continue;
        if (f.remaining > 0)
            --f.remaining;
        return &f;
    }
    return nullptr;
}

void SimServer::record(const QString &path, int status)
{
    m_counts[path][status] += 1;
}

void SimServer::deliver(QTcpSocket *socket, const Answer &a, const SimFaultRule *fault)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    const QString kind = fault ? fault->kind : QString();
    if (kind == QLatin1String("hang"))
        return; // never answers; the client's deadline must end it
    if (kind == QLatin1String("drop")) {
        socket->abort(); // the request was carried out (a create made its job); its answer is lost
        return;
    }
    if (kind == QLatin1String("redirect")) {
        socket->write(headerBlock(307, {}, 0, {qMakePair(QByteArray("Location"), fault->redirectTo.toUtf8())}));
        return;
    }
    if (kind == QLatin1String("html5xx")) {
        const QByteArray html = "<html>\r\n<head><title>" + QByteArray::number(fault->status) + " Bad Gateway</title></head>\r\n"
                                "<body>\r\n<center><h1>" + QByteArray::number(fault->status) + " Bad Gateway</h1></center>\r\n"
                                "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        socket->write(headerBlock(fault->status, "text/html", html.size(), {}) + html);
        return;
    }
    if (kind == QLatin1String("status")) {
        socket->write(headerBlock(fault->status, "application/json", fault->body.size(), {}) + fault->body);
        return;
    }
    if (kind == QLatin1String("garbage")) {
        static const char bytes[] = "\x1f\x8b\x08\x00garbage{{{\xff\xfe not json";
        const QByteArray junk(bytes, sizeof(bytes) - 1); // with its NUL byte: hence the explicit length
        socket->write(headerBlock(200, "application/json", junk.size(), {}) + junk);
        return;
    }
    if (kind == QLatin1String("truncate")) {
        const QByteArray half = a.body.left(std::max<qsizetype>(1, a.body.size() / 2));
        socket->write(headerBlock(a.status, a.contentType, half.size(), a.headers) + half);
        return;
    }
    if (kind == QLatin1String("reset")) {
        socket->write(headerBlock(a.status, a.contentType, a.body.size(), a.headers) + a.body.left(a.body.size() / 2));
        socket->flush();
        socket->abort();
        return;
    }
    if (kind == QLatin1String("drip")) {
        socket->write(headerBlock(a.status, a.contentType, a.body.size(), a.headers));
        auto *timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        const QByteArray body = a.body;
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body] {
            if (*sent >= body.size()) {
                timer->deleteLater();
                return;
            }
            socket->write(body.mid(*sent, 1));
            ++*sent;
        });
        timer->start(fault->dripMs);
        return;
    }
    if (kind == QLatin1String("huge")) {
        socket->write(headerBlock(200, "application/json", fault->hugeBytes, {}));
        auto remaining = std::make_shared<qint64>(fault->hugeBytes);
        auto pump = std::make_shared<std::function<void()>>();
        QPointer<QTcpSocket> guard(socket);
        *pump = [guard, remaining] {
            static const QByteArray chunk(1 << 20, ' ');
            while (guard && *remaining > 0 && guard->bytesToWrite() < (4 << 20)) {
                const qint64 n = std::min<qint64>(chunk.size(), *remaining);
                guard->write(chunk.constData(), n);
                *remaining -= n;
            }
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [pump] { (*pump)(); });
        (*pump)();
        return;
    }
    socket->write(headerBlock(a.status, a.contentType, a.body.size(), a.headers));
    socket->write(a.body); // not appended to the header: a 200 KB describe would be copied once more
}

QJsonObject SimServer::stats() const
{
    QJsonObject paths;
    int total = 0;
    for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it) {
        QJsonObject byStatus;
        int n = 0;
        for (auto s = it->constBegin(); s != it->constEnd(); ++s) {
            byStatus.insert(QString::number(s.key()), s.value());
            n += s.value();
        }
        paths.insert(it.key(), QJsonObject{{QStringLiteral("total"), n}, {QStringLiteral("byStatus"), byStatus}});
        total += n;
    }
    return QJsonObject{{QStringLiteral("total"), total},
                       {QStringLiteral("rateLimited"), m_rateLimited},
                       {QStringLiteral("withAuthorization"), m_withAuth},
                       {QStringLiteral("paths"), paths},
                       {QStringLiteral("simTime"), m_engine->now()},
                       {QStringLiteral("jobsCreated"), m_engine->createdJobCount()},
                       {QStringLiteral("dialect"), simDialectName(m_dialect)}};
}

void SimServer::resetStats()
{
    m_counts.clear();
    m_withAuth = 0;
    m_rateLimited = 0;
}

int SimServer::requestCount(const QString &path) const
{
    int n = 0;
    for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it) {
        if (!path.isEmpty() && !it.key().contains(path))
            continue;
        for (int c : *it)
            n += c;
    }
    return n;
}

int SimServer::statusCount(int status) const
{
    int n = 0;
    for (const auto &byStatus : m_counts)
        n += byStatus.value(status);
    return n;
}
