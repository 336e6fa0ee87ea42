#pragma once
// bulkwatch-sim's HTTP face: answers the import API in one dialect, as the real services do,
// with a per-endpoint rate limit, request accounting and injectable faults.

#include "SimEngine.h"

#include <QAbstractHttpServer>
#include <deque>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QtGlobal>
#include <memory>

class QHttpServerResponder;
class SimDescribeRenderer;
class QTcpSocket;

enum class SimDialect { CloudV1, CloudV2, Milvus };
bool simDialectFromName(const QString &name, SimDialect *out);
QString simDialectName(SimDialect d);

class SimServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SimServer(const SimScenario &scenario, SimDialect dialect, QObject *parent = nullptr);
    ~SimServer() override;

    // Listens on 127.0.0.1 (a QTcpServer, or a QSslServer after enableTls(), of the simulator's own, bound to
    // the HTTP server); 0 picks a free port. Returns the port, 0 on failure.
    quint16 start(quint16 port = 0);
    // Serves https with this certificate and key (PEM files); call before start().
    bool enableTls(const QString &certFile, const QString &keyFile);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    SimEngine &engine() { return *m_engine; }
    SimDialect dialect() const { return m_dialect; }
    void setApiKey(const QByteArray &key) { m_apiKey = key; }
    void setRateLimit(int perSecond) { m_rateLimit = perSecond; } // 0 = none
    void setLatency(int ms, int jitterMs = 0) { m_latencyMs = ms; m_jitterMs = jitterMs; }
    void setFaults(const QVector<SimFaultRule> &faults) { m_faults = faults; }
    void addFault(const SimFaultRule &f) { m_faults << f; }
    void clearFaults() { m_faults.clear(); }
    // Seeds the server's own randomness (fault probabilities, jitter) and the engine's (job ids, failure
    // reasons): the same seed and the same requests give the same answers.
    void setSeed(quint32 seed);
    // Describe answers through QJsonDocument, as before SimDescribeRenderer (the benchmark's baseline; tests
    // compare the two). The answers are the same bytes either way.
    void setReferenceRender(bool on) { m_referenceRender = on; }
    bool referenceRender() const { return m_referenceRender; }
    // A file's name as the dialect shows it (Milvus: "[a, b]" or the legacy "id:… paths:…" form; the cloud: a,b).
    static QString fileNameOf(SimDialect dialect, const SimJob &job, const SimFileStatus &f, int index);

    QJsonObject stats() const;
    void resetStats();
    int requestCount(const QString &path = {}) const;
    int statusCount(int status) const;
    // Requests seen with an Authorization header / without one.
    int requestsWithAuthorization() const { return m_withAuth; }
    int rateLimitedCount() const { return m_rateLimited; }

protected:
    // Every request, before it is answered, the same on every Qt version (a test stamps requests here).
    virtual void onRequest(const QHttpServerRequest &request) { Q_UNUSED(request) }
    // The one place where Qt versions differ: Qt 6.4 hands over the request's socket, Qt 6.5+ a responder. Both
    // forward to serve() with the socket, because the faults (drip, reset, truncate, huge, hang) need raw
    // control of it; on 6.5+ it is found among the sockets of the simulator's own server.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void serve(const QHttpServerRequest &request, QTcpSocket *socket);
    void serveMissing(QTcpSocket *socket);
    Answer route(const QHttpServerRequest &request, const QString &path);
    Answer controlRoute(const QHttpServerRequest &request, const QString &path);
    // After the import (SimLifecycleRoutes.cpp): false when the path is not one of its endpoints.
    bool lifecycleRoute(const QHttpServerRequest &request, const QString &path, Answer *out);
    QJsonObject renderCluster(const SimClusterSpec &c) const;
    QString stateTextOf(const SimJobStatus &st) const; // Import V3's name when it has one
    bool authorized(const QHttpServerRequest &request) const;
    bool overRateLimit(const QString &path);
    const SimFaultRule *takeFault(const QString &path);
    void deliver(QTcpSocket *socket, const Answer &answer, const SimFaultRule *fault);
    void record(const QString &path, int status);

    QJsonObject renderProgress(const SimJobStatus &st) const;
    QJsonObject renderSummary(const SimJobStatus &st) const;
    QString renderTime(double simSeconds) const;
    QString jobStateText(SimState s) const;

    Answer json(const QJsonObject &o, int status = 200) const;
    Answer ok(const QJsonValue &data) const;
    Answer error(qint64 code, const QString &message, int status = 200) const;

    std::unique_ptr<SimEngine> m_engine;
    SimDialect m_dialect;
    std::unique_ptr<SimDescribeRenderer> m_renderer;
    bool m_referenceRender = false;
    quint16 m_port = 0;
    bool m_tls = false;
    QSslConfiguration m_sslConfig;
    QRandomGenerator m_rng{1};
    QByteArray m_apiKey;
    int m_rateLimit = 20;
    int m_latencyMs = 0;
    int m_jitterMs = 0;
    QVector<SimFaultRule> m_faults;
    QHash<QString, std::deque<qint64>> m_window; // path -> request times (ms) in the last second
    QMap<QString, QMap<int, int>> m_counts;  // path -> status -> count
    int m_withAuth = 0;
    int m_rateLimited = 0;
    QElapsedTimer m_wall;
};
