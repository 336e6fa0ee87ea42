#pragma once
// `bulkwatch status|list|watch|create|commit|abort|connections`: the same core as the window, for scripts.

#include "ApiError.h"
#include "CliArguments.h"
#include "CliErrors.h"
#include "CollectionState.h"
#include "CreateRequest.h"
#include "Endpoint.h"
#include "ImportTypes.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class ImportApiClient;
class QTimer;

// `status --exit-status`: 0 completed, 1 failed/cancelled/expired, 7 not finished yet.
int exitStatusOf(JobState state);

class CommandLine : public QObject
{
    Q_OBJECT
public:
    // Looks up a saved connection's endpoint and key (wired to the connection store by main()). The key may come
    // from a keychain that answers later, so the answer is a callback: done(ok, endpoint, error) runs once, and
    // only while `context` lives; an empty error when !ok means "no such connection".
    using ConnectionResolved = std::function<void(bool ok, const Endpoint &ep, const QString &error)>;
    using ConnectionResolver = std::function<void(const QString &name, QObject *context, ConnectionResolved done)>;
    using ConnectionLister = std::function<QString()>;

    CommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~CommandLine() override;

    // Whether these arguments (arguments[0] is the program) are for the command line rather than the window:
    // any first argument that is not an option is a command, known or not, so a typo is a usage error and never
    // opens a window (on a machine without a display that would abort).
    static bool handles(const QStringList &arguments);
    void setStdin(std::function<QByteArray()> reader) { m_readStdin = std::move(reader); }
    void setEnvironmentKey(const QByteArray &key) { m_envKey = key; }
    void setConnectionResolver(ConnectionResolver r) { m_resolve = std::move(r); }
    void setConnectionLister(ConnectionLister l) { m_listConnections = std::move(l); }
    // What "now" is for the observedAt of `watch --json` (UTC); the wall clock unless a test sets one.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Runs the command; emits finished() once (maybe synchronously for usage errors).
    void start();
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    // A watch request failed: give up when it cannot help, else say so once and ask again after the backoff.
    void retryWatchAfter(const ApiError &e, bool json);
    void finish(int code);
    void fail(const ApiError &e);
    void usage(const QString &message);
    void startWithEndpoint();
    bool completeEndpoint(Endpoint *ep);
    void runStatus();
    void runList();
    void runWatch();
    void pollWatch();
    void startWatchAll();
    void pollWatchAll();
    void watchAllAnswer(const QString &jobId, const JobProgress &job, const ApiError &e);
    void finishWatchAll();
    void runCreate();
    void runCommitOrAbort(bool commit);
    void refused(bool commit, const ApiError &e);
    void printJson(const QJsonObject &o);
    // LifecycleCommands.cpp: a create resent with its key after a lost answer; the collection after the import;
    // `clusters`.
    void sendCreate(const CreateRequest &req, int resend);
    void runStatusWithCollection(const JobProgress &job);
    void fetchCollectionFor(const JobProgress &job, std::function<void(const CollectionState &, const ApiError &)> done);
    bool watchGoalReached(const JobProgress &job);
    void runClusters();

    QStringList m_args;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_command;
    CliArguments::Parsed m_parsed;
    Endpoint m_ep;
    QString m_jobId;
    QNetworkAccessManager *m_nam = nullptr;
    ImportApiClient *m_client = nullptr;
    QTimer *m_watchTimer = nullptr;
    JobProgress m_lastSeen;
    bool m_seen = false;
    int m_failures = 0;
    QString m_lastError;
    int m_intervalMs = 5000;
    int m_exitCode = -1;
    QString m_until;            // watch --until: completed, indexed or searchable
    CollectionState m_lastCollection;
    Endpoint m_collectionEp;    // where the collection endpoints are (a cloud cluster's connectAddress)
    bool m_collectionEpKnown = false;
    QByteArray m_envKey;
    std::function<QByteArray()> m_readStdin;
    ConnectionResolver m_resolve;
    ConnectionLister m_listConnections;
    struct WatchAll;
    std::unique_ptr<WatchAll> m_all; // watch --all
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    CliErrors::KeySource m_keySource = CliErrors::KeySource::None;
};

