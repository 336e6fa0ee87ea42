#pragma once
// `bulkwatch serve`: the same ImportService as the window (scheduler, budget, history, dialects, keys), with no
// display: its jobs and connections on /metrics, /healthz and /api/jobs, and one stderr line per state change.
// The composition root of the headless front end; runServe() is what main() calls for the `serve` command.

#include "CliArguments.h"
#include "Connection.h"
#include "ExporterServer.h"
#include "RequestTally.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTextStream>
#include <functional>
#include <memory>

class HistoryStore;
class ImportService;
class SecretStore;

class ServeCommand : public QObject
{
    Q_OBJECT
public:
    // keychain: where saved connections' keys are read (the OS keychain in the real command).
    ServeCommand(const CliArguments::Parsed &parsed, QTextStream &err, SecretStore *keychain, QObject *parent = nullptr);
    ~ServeCommand() override;

    void setEnvironmentKey(const QByteArray &key) { m_envKey = key; }
    void setStdin(std::function<QByteArray()> reader) { m_readStdin = std::move(reader); }
    // The window's history, where --connection NAME is looked up (HistoryStore::defaultPath() unless told).
    void setSavedConnectionsPath(const QString &path) { m_savedPath = path; }
    void setClock(std::function<QDateTime()> now);

    // Starts watching and listening. Returns 0 when it runs, else the exit code after a message on err
    // (2 usage, 1 cannot listen or open the history).
    int start();
    // Writes every pending change to the history (at SIGTERM/SIGINT, before leaving).
    void stop();
    quint16 port() const { return m_http ? m_http->port() : 0; }
    ImportService *service() const { return m_service.get(); }
    ExporterServer *http() const { return m_http.get(); }

    QByteArray metricsPage() const;
    QByteArray jobsJson() const;
    QByteArray unhealthy() const; // empty while healthy, else why

private:
    int usage(const QString &message);
    bool collectConnections(QVector<Connection> *saved, QVector<Connection> *adHoc);
    void logLine(const QString &text);
    void onHealth(const QString &connectionId);
    QString labelOf(const QString &connectionId) const { return m_labels.value(connectionId, connectionId); }

    CliArguments::Parsed m_parsed;
    QTextStream &m_err;
    SecretStore *m_keychain;
    QByteArray m_envKey;
    std::function<QByteArray()> m_readStdin;
    QString m_savedPath;
    std::function<QDateTime()> m_now;
    QDateTime m_startedAt;
    static constexpr qint64 kHealthWindowSecs = 300; // /healthz is 503 when no server answered for longer
    qint64 m_keepFinished;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<ImportService> m_service;
    std::unique_ptr<ExporterServer> m_http;
    RequestTally m_tally;
    QHash<QString, QString> m_labels;       // connection id -> its `connection` label (unique)
    QHash<QString, int> m_healthState;      // connection id -> last logged ConnectionHealth::State
    QHash<QString, quint64> m_rateLimited;  // connection id -> answers that asked to slow down
    QSet<QString> m_seenJobs;
    bool m_stopping = false;
};

int runServe(int argc, char **argv);
