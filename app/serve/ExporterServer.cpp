#include "ExporterServer.h"

#include <algorithm>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

// Holds each new connection back from QtHttpServer until its first request head passed the gate.
class GateTcpServer : public QTcpServer
{
public:
    explicit GateTcpServer(ExporterServer *owner) : QTcpServer(owner), m_owner(owner) {}
    void handOver(QTcpSocket *socket)
    {
        addPendingConnection(socket);
        // Qt 6.4's QAbstractHttpServer takes new sockets on newConnection (emitted by QTcpServer only for sockets
        // it accepted itself); a second look finds no pending socket and does nothing.
        Q_EMIT newConnection();
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_owner->watch(socket);
    }

private:
    ExporterServer *m_owner;
};

namespace {
// After a refusal the connection is read (and dropped) only this far, and only this long: enough for the client
// to read the answer instead of a reset, never the whole of what it sends.
constexpr qint64 kDrainBytes = 64 * 1024;
constexpr int kDrainMs = 2000;
} // namespace

ExporterServer::ExporterServer(Pages pages, QObject *parent)
    : QObject(parent), m_pages(std::move(pages)), m_http(new QHttpServer(this))
{
    const auto guarded = [this](std::function<QHttpServerResponse()> page) {
        return [this, page](const QHttpServerRequest &request) {
            // The gate checked the token already; checked again here, so no request reaches a page without it.
            if (!authorized(request.value("Authorization")))
                return QHttpServerResponse(QByteArray("text/plain"), QByteArray("a bearer token is needed\n"),
                                           QHttpServerResponder::StatusCode::Unauthorized);
            return page();
        };
    };
    m_http->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, guarded([this] {
        return QHttpServerResponse(QByteArray("text/plain; version=0.0.4; charset=utf-8"), m_pages.metrics());
    }));
    m_http->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, guarded([this] {
        const QByteArray why = m_pages.unhealthy ? m_pages.unhealthy() : QByteArray();
        const bool ok = why.isEmpty();
        return QHttpServerResponse(QByteArray("text/plain"), ok ? QByteArray("ok\n") : why + '\n',
                                   ok ? QHttpServerResponder::StatusCode::Ok : QHttpServerResponder::StatusCode::ServiceUnavailable);
    }));
    m_http->route(QStringLiteral("/api/jobs"), QHttpServerRequest::Method::Get, guarded([this] {
        return QHttpServerResponse(QByteArray("application/json"), m_pages.jobsJson());
    }));
}

ExporterServer::~ExporterServer() = default;

bool ExporterServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_tcp = new GateTcpServer(this);
    if (!m_tcp->listen(address, port)) {
        *error = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return false;
    }
    m_http->bind(m_tcp);
    return true;
}

quint16 ExporterServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

int ExporterServer::openConnections() const
{
    return int(std::count_if(m_sockets.cbegin(), m_sockets.cend(), [](const QPointer<QTcpSocket> &s) {
        return s && s->state() != QAbstractSocket::UnconnectedState;
    }));
}

bool ExporterServer::authorized(const QByteArray &authorization) const
{
    if (m_token.isEmpty())
        return true;
    const bool bearer = authorization.size() > 7 && authorization.left(7).toLower() == "bearer ";
    return RequestGate::sameSecret(bearer ? authorization.mid(7).trimmed() : QByteArray(), m_token) && bearer;
}

void ExporterServer::watch(QTcpSocket *socket)
{
    m_sockets.removeIf([](const QPointer<QTcpSocket> &s) { return !s; });
    m_sockets.append(socket);
    auto gate = std::make_shared<RequestGate>(m_limits, m_token);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    // A request that never completes, or an answer never taken: the connection is dropped at the deadline.
    connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); socket->deleteLater(); });
    timer->start(m_headTimeoutMs);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto examine = std::make_shared<QMetaObject::Connection>();
    *examine = connect(socket, &QTcpSocket::readyRead, this, [this, socket, gate, timer, examine] {
        // Nothing has read from this socket yet: everything it received is still in its buffer. Only the part the
        // gate has not seen is fed to it, and never more than the gate's head limit at a time beyond it.
        const qint64 available = socket->bytesAvailable();
        const qint64 unseen = available - gate->bytesSeen();
        const RequestGate::Verdict v = unseen > 0 ? gate->feed(socket->peek(available).mid(gate->bytesSeen())) : RequestGate::Verdict::Pass;
        if (v != RequestGate::Verdict::Pass) {
            disconnect(*examine);
            timer->stop();
            refuse(socket, v, available);
            return;
        }
        if (gate->headsPassed() == 0)
            return;
        disconnect(*examine);
        handOver(socket, gate, timer);
    });
}

void ExporterServer::handOver(QTcpSocket *socket, std::shared_ptr<RequestGate> gate, QTimer *deadline)
{
    // One request per connection: closed once its answer is written. QtHttpServer reads whatever arrives, so the
    // gate goes on looking at every byte before it does (a slot connected before QtHttpServer's runs first):
    // anything past the first request is refused by dropping the connection, whatever it is, before it is read.
    // `carry`: bytes in the socket's buffer the gate has seen already (QtHttpServer's slot has not read them yet).
    if (gate->headsPassed() > 1) { // pipelined in the first bytes already: each answer may be megabytes
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto carry = std::make_shared<qint64>(socket->bytesAvailable());
    auto answering = std::make_shared<bool>(false);
    const auto answerDeadline = [this, gate, deadline, answering] {
        if (gate->betweenRequests() && !*answering) {
            *answering = true;
            deadline->start(m_answerTimeoutMs); // the request is complete: now the client has so long to take the answer
        }
    };
    connect(socket, &QTcpSocket::readyRead, socket, [socket, gate, carry, answerDeadline] {
        const qint64 available = socket->bytesAvailable();
        if (available > *carry) {
            const RequestGate::Verdict v = gate->feed(socket->peek(available).mid(*carry));
            if (v != RequestGate::Verdict::Pass || gate->headsPassed() > 1) {
                QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr); // QtHttpServer's slot is next
                socket->abort();
                socket->deleteLater();
                return;
            }
            *carry = available;
        }
        answerDeadline();
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    });
    m_tcp->handOver(socket);
    connect(socket, &QTcpSocket::readyRead, socket, [socket, carry] { *carry = socket->bytesAvailable(); });
    answerDeadline();
    Q_EMIT socket->readyRead(); // what arrived before the hand-over is waiting in the buffer
}

void ExporterServer::refuse(QTcpSocket *socket, RequestGate::Verdict v, qint64 seen)
{
    ++m_refused;
    auto read = std::make_shared<qint64>(seen);
    m_mostReadFromRefused = std::max(m_mostReadFromRefused, *read);
    socket->write(RequestGate::refusal(v));
    socket->flush();
    // The answer, then end of stream; what the client still sends is dropped, up to a bound, then the connection.
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    });
    if (socket->bytesToWrite() == 0)
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    socket->setReadBufferSize(16 * 1024);
    QPointer<ExporterServer> self(this);
    const auto drain = [self, socket, read] {
        const QByteArray dropped = socket->read(kDrainBytes);
        *read += dropped.size();
        if (self)
            self->m_mostReadFromRefused = std::max(self->m_mostReadFromRefused, *read);
        if (*read >= kDrainBytes + 64 * 1024)
            socket->abort(), socket->deleteLater();
    };
    drain();
    connect(socket, &QTcpSocket::readyRead, socket, drain);
    QTimer::singleShot(kDrainMs, socket, [socket] { socket->abort(); socket->deleteLater(); });
}
