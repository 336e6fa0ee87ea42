#pragma once
// The HTTP face of `bulkwatch serve`: GET /metrics, /healthz and /api/jobs through QtHttpServer, 404 elsewhere.
// Every connection first passes a RequestGate (token, target and body size, from the head alone); a connection
// carries one request and is closed after its answer; the gate goes on watching it after the hand-over, so
// anything sent past the first request (a second request, a body) drops the connection before QtHttpServer reads
// it. A connection has a deadline for its request, then one for its answer.

#include "RequestGate.h"

#include <QPointer>
#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>

class QHttpServer;
class QTcpSocket;
class QTimer;
class GateTcpServer;

class ExporterServer : public QObject
{
    Q_OBJECT
public:
    struct Pages
    {
        std::function<QByteArray()> metrics;
        std::function<QByteArray()> jobsJson;
        std::function<QByteArray()> unhealthy; // why /healthz answers 503, one line; empty: 200 "ok"
    };

    explicit ExporterServer(Pages pages, QObject *parent = nullptr);
    ~ExporterServer() override;

    void setToken(const QByteArray &token) { m_token = token; } // empty: no token asked for
    void setLimits(const RequestGate::Limits &limits) { m_limits = limits; }
    // A connection has this long for its whole request (head and body), then the answer timeout for the client to
    // take the answer; then it is closed. Settable for tests.
    void setHeadTimeoutMs(int ms) { m_headTimeoutMs = ms; }
    void setAnswerTimeoutMs(int ms) { m_answerTimeoutMs = ms; }
    // false with a reason when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;

    // For tests and the report: requests refused by the gate, and the most bytes read from one refused connection.
    int refused() const { return m_refused; }
    qint64 mostBytesReadFromRefused() const { return m_mostReadFromRefused; }
    int openConnections() const; // sockets (file descriptors) the server holds now

private:
    friend class GateTcpServer;
    void watch(QTcpSocket *socket);
    void handOver(QTcpSocket *socket, std::shared_ptr<RequestGate> gate, QTimer *deadline);
    void refuse(QTcpSocket *socket, RequestGate::Verdict v, qint64 seen);
    bool authorized(const QByteArray &authorization) const;

    Pages m_pages;
    QByteArray m_token;
    RequestGate::Limits m_limits;
    int m_headTimeoutMs = 10000;
    int m_answerTimeoutMs = 60000;
    QHttpServer *m_http;
    GateTcpServer *m_tcp = nullptr;
    // Every accepted socket, for openConnections(): QtHttpServer re-parents the sockets it takes on Qt 6.8, so the
    // listening server's children do not tell.
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_refused = 0;
    qint64 m_mostReadFromRefused = 0;
};
