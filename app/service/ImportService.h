#pragma once
// Watches import jobs on every connection: one QNetworkAccessManager, one request in flight per job, a request
// budget per connection shared among jobs (selected and running first), list polling that discovers jobs,
// exponential backoff with jitter that honours Retry-After, and history written in batches on its own thread.
//
// A facade over its parts: ConnectionKeys (keys), RequestBudget and Backoff (politeness), AnswerMerge (pure
// merging and diffing), CreateParams (the create codec), HistoryWriter (the store's thread). Its own code is in
// three files by concern: ImportService.cpp (connections, jobs, history), ImportPolling.cpp (scheduling and
// answers), ImportActions.cpp (create, retry, commit, abort).

#include "Connection.h"
#include "CreateRequest.h"
#include "JobRecord.h"
#include "JobSource.h"

#include "AnswerMerge.h"
#include "RequestBudget.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

class ConnectionKeys;
class HistoryStore;
class HistoryWriter;
class ImportApiClient;
class QNetworkAccessManager;
class QThreadPool;
class QTimer;
class SecretStore;

struct ConnectionHealth
{
    enum class State { Connecting, Ok, Backoff, Offline, AuthFailed, NoKey };
    State state = State::Connecting;
    QDateTime lastAnswer; // UTC
    QDateTime retryAt;    // UTC, while backing off
    ApiError lastError;
    QString keyProblem;   // why no key could be read, in plain words
    QString clusterStatus; // Zilliz Cloud: the cluster's status when it is not RUNNING (ABNORMAL, FROZEN, …)
    double requestsPerSecond = 0; // the budget in force now: the ceiling, or less after rate-limited answers
    int inFlightLimit = 0;        // requests it may have under way now
};

class ImportService : public JobSource
{
    Q_OBJECT
public:
    struct Options
    {
        // The most requests per second a connection may send: a ceiling the user can only lower (Preferences'
        // pace), never above the documented 20. The cloud's control plane is asked at this rate; a rate-limited
        // answer halves it and it grows back by 1/s every budgetRecoveryMs (RequestBudget).
        double requestsPerSecond = 18;
        double milvusRequestsPerSecond = 10; // self-hosted Milvus, within the ceiling: one list refreshes every job
        int budgetRecoveryMs = 5000;
        // And never more than 20 in any 1 s + this of sends (the server counts at arrival, where answers and the
        // network bunch them): sustained, 20 / 1.25 s = 16/s; a burst may still take 18 in a second.
        int budgetGuardMs = 250;
        int selectedIntervalMs = 2000;
        int runningIntervalMs = 5000;
        int pendingIntervalMs = 15000;
        int finalizingIntervalMs = 30000;
        int listIntervalMs = 3000;       // Milvus: the list carries every job's state and progress
        int pagedListIntervalMs = 30000; // the cloud's list has no progress: it only discovers jobs
        int coveredByListIntervalMs = 30000; // describe of a job the list keeps fresh and that did not change
        int finishedFirstDescribeDelayMs = 2000; // a job first listed as finished: its files, after the running ones
        // Requests under way per connection. The cloud's follows the answers' latency (rate × latency + 1, so the
        // budget is spent when each answer is slow), within minInFlight..maxInFlight; Milvus keeps milvusInFlight.
        int maxInFlight = 16;
        int minInFlight = 2;
        int milvusInFlight = 4;
        // The cloud, once the window says which jobs are on screen (setVisibleJobs): a job off screen and not
        // selected is described this many times less often; among due jobs one on screen goes first unless one
        // off screen has waited visibleLeadMs longer (so none starves while the budget is cut).
        int offScreenIntervalFactor = 3;
        int visibleLeadMs = 10000;
        int maxBackoffMs = 60000;
        int authRetryMs = 60000;
        int keyRetryMs = 3000;           // a keychain that did not answer at login is asked once more after this
        int saveDelayMs = 1000;
        int deadlineMs = 30000;          // over a whole answer
        qint64 maxBodyBytes = 64LL * 1024 * 1024; // larger answers are refused unread
        int createResendDelayMs = -1;
        int collectionIntervalMs = 5000; // a job's collection while its index builds or it loads    // the wait before resending a create whose answer was lost; < 0: SafeCreate's
    };

    ImportService(HistoryStore *store, SecretStore *keychain, QObject *parent = nullptr);
    ~ImportService() override;

    void setOptions(const Options &o);
    const Options &options() const { return m_options; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // The monotonic clock the scheduler runs on (ms); tests may drive it.
    void setMonotonicClock(std::function<qint64()> monoMs) { m_monoClock = std::move(monoMs); }
    QDateTime now() const override { return m_now(); }
    // Receives one line per HTTP exchange (method, URL without secrets, status, time); never headers or bodies.
    void setRequestLogger(std::function<void(const QString &line)> logger);
    // Network replies still alive (for leak checks in tests).
    int openReplies() const;

    // Reads connections and jobs from the history and starts watching.
    void start();

    QVector<Connection> connections() const;
    const Connection *connection(const QString &id) const override;
    ConnectionHealth health(const QString &connectionId) const;
    // Adds or replaces a connection. A non-null key replaces the stored one (keychain, or memory when
    // conn.sessionOnlyKey); done(message) reports a keychain failure ("" on success).
    void saveConnection(const Connection &conn, const std::optional<QByteArray> &key,
                        std::function<void(const QString &problem)> done = {});
    void removeConnection(const QString &id);
    // Tries a connection's settings without saving them: lists its jobs once. With no key given, the saved key
    // of conn.id is used. done(jobCount, error) runs only while context lives.
    void testConnection(const Connection &conn, const std::optional<QByteArray> &key, QObject *context,
                        std::function<void(int jobCount, const ApiError &error)> done);

    QVector<JobRecord> jobs() const override;
    const JobRecord *job(const QString &key) const override;
    // Starts watching a pasted job ID; returns why it cannot be added, or "" on success.
    QString addJob(const QString &connectionId, const QString &pastedId);
    void removeJob(const QString &key);
    void setSelectedJob(const QString &key);
    // The jobs whose rows are on screen (the window feeds it from the jobs view). On the cloud they are asked
    // before the others that are due (after the selected job) and the others less often. Until it is first called
    // (serve, the CLI, the benchmark) every job counts as on screen.
    void setVisibleJobs(const QSet<QString> &keys);
    void refreshNow();
    // Starting imports. The bucket keys are used for this request only, unless rememberBucketKeys: then they go
    // to the keychain (never the history). done(key, error) reports the new job's key or the server's refusal.
    using CreateDone = std::function<void(const QString &key, const ApiError &error)>;
    void createJob(const QString &connectionId, const CreateRequest &req, bool rememberBucketKeys, CreateDone done);
    // Re-creates a job with the parameters Bulkwatch created it with; false when none are known (created elsewhere).
    bool retryJob(const QString &key, CreateDone done);
    void commitJob(const QString &key, std::function<void(const ApiError &)> done);
    void abortJob(const QString &key, std::function<void(const ApiError &)> done);
    // What is known of a job, as a request to start it again (for jobs created elsewhere: collection and files).
    CreateRequest requestFor(const QString &key) const;

    // After the import (CollectionFollow.cpp). refresh_load makes a collection that was loaded before the import
    // see the new rows (ask the user first: it reloads the collection). listClusters: the Zilliz Cloud clusters a
    // key can see, every page, for the connection dialog (the saved key of conn.id when none is given).
    void refreshLoad(const QString &key, std::function<void(const ApiError &)> done);
    void listClusters(const Connection &conn, const std::optional<QByteArray> &key, QObject *context,
                      std::function<void(const QVector<ClusterInfo> &, const ApiError &)> done);

    // Marks a transition as notified so it is never repeated (kept in the history).
    void markNotified(const QString &key, const QString &state);
    int requestsInFlight() const;
    void flush(); // writes every pending change to the history now
    bool anyActive() const; // any job still expected to change
    struct Overview
    {
        int running = 0;
        int failedRecently = 0;
        double meanProgress = 0;
    };
    Overview overview(const QDateTime &failedSince) const; // for the tray, without copying any job

    // --- What the dialogs ask the server (ImportQueries.cpp) ---
    // The job ID in pasted text: a bare ID, or one inside JSON or a log line (`"jobId": "4532…",`). "" when none.
    static QString extractJobId(const QString &pasted);
    // Asks the server once, within the connection's request budget, whether it knows this job: done(no error)
    // when it does, ErrorKind::NotFound when it says it does not, any other error when it could not tell.
    // done runs only while context lives.
    void checkJob(const QString &connectionId, const QString &jobId, QObject *context,
                  std::function<void(const ApiError &error)> done);
    // The collections of the connection's database (or dbName), for suggestions; empty when the server has no such
    // endpoint or cannot be asked. done runs only while context lives.
    void listCollections(const QString &connectionId, const QString &dbName, QObject *context,
                         std::function<void(const QStringList &names, const ApiError &error)> done);
    // Forgets finished jobs whose last change is older than cutoff (history retention); returns how many.
    int forgetFinishedBefore(const QDateTime &cutoff);
    // Whether keys can be kept in the OS keychain (it answers a read of this connection's bucket entry);
    // done(false, why in plain words) when there is none or it does not work. done runs only while context lives.
    void probeKeychain(const QString &connectionId, QObject *context, std::function<void(bool usable, const QString &why)> done);

Q_SIGNALS:
    // jobChanged, jobRemoved, jobTransition and connectionsChanged come from JobSource.
    // Just before jobChanged for a describe answer: which of its files changed (all when replaced).
    void filesChanged(const QString &key, const QVector<int> &rows, bool replaced);
    void healthChanged(const QString &connectionId);
    void historyError(const QString &message);

    // --- Creates left unconfirmed by a crash or a quit (issue 16; UnconfirmedCreates.cpp) ---
    // A create whose key is still in the history at start: nobody saw the server's answer. Once the connection's
    // key is ready the service looks for the job on the server (a job for the collection it did not know before,
    // with the create's files); found, the key is dropped and the job followed (unconfirmedCreateReached); else the
    // create is reported here, for the user to resend (same key) or discard.
public:
    struct UnconfirmedCreate
    {
        QString idempotencyKey;
        QString connectionId;
        QString collectionName;
        QStringList files; // every file of every group
        QDateTime createdAt; // UTC, when the key was written
    };
    // Those checked and not found, oldest first (a create being resent is not among them).
    QVector<UnconfirmedCreate> unconfirmedCreates() const;
    // Sends the same request with the same Idempotency-Key; done(key, error) as createJob's. A lost answer again
    // leaves it unconfirmed.
    void resendUnconfirmed(const QString &idempotencyKey, CreateDone done);
    // Forgets the key; nothing is sent.
    void discardUnconfirmed(const QString &idempotencyKey);
Q_SIGNALS:
    void unconfirmedCreatesChanged();
    void unconfirmedCreateReached(const ImportService::UnconfirmedCreate &create, const QString &jobKey);
private:
    struct Unconfirmed
    {
        UnconfirmedCreate shown;
        QJsonObject params;
        enum class Stage { Waiting, Checking, Asking, Resending } stage = Stage::Waiting;
    };
    void checkUnconfirmed(const QString &connectionId); // once its key is ready
    void matchUnconfirmed(const QString &connectionId, const QString &idempotencyKey, QStringList candidates);
    void settleUnconfirmed(const QString &idempotencyKey, Unconfirmed::Stage stage);
    void loadUnconfirmed(); // at start, before any create of this session
    // Follows a job the server made for this create (a new one, or a known one that gains how it was made).
    QString adoptCreatedJob(const QString &connectionId, const QString &jobId, const QJsonObject &params);
    QVector<Unconfirmed> m_unconfirmed;
    // --- end of unconfirmed creates ---

private:
    struct ConnState
    {
        Connection conn;
        QByteArray token;
        bool keyReady = false;
        ConnectionHealth health;
        int failures = 0;
        qint64 holdUntilMs = 0;       // backoff: no requests before this (monotonic ms)
        RequestBudget budget;
        bool controlPlane = false; // the cloud's (paged list, describes only): its own rate and adaptive in-flight
        double latencyMs = -1;     // smoothed time to a describe's answer; < 0 until the first
        QHash<QString, qint64> describeSentMs; // describes not answered yet -> when they went
        int inFlight = 0;
        bool listInFlight = false;
        qint64 nextListMs = 0;
        QHash<QString, qint64> dueMs; // job key -> next poll (monotonic ms)
        QSet<QString> jobsInFlight;
        std::unique_ptr<QObject> context; // replies for an edited or removed connection die with it
        QTimer *timer = nullptr;
        bool keyRetried = false;
        // After the import (CollectionFollow.cpp): job key -> next collection poll; where the endpoints are.
        QHash<QString, qint64> collectionDueMs;
        QSet<QString> collectionsInFlight;
        enum class CollectionEndpoint { Unknown, Asking, Known, None } collectionEp = CollectionEndpoint::Unknown;
        QUrl collectionBaseUrl; // Zilliz Cloud: the cluster's connectAddress
    };

    qint64 mono() const { return m_monoClock ? m_monoClock() : m_mono.elapsed(); }
    ConnState *state(const QString &id);
    const ConnState *state(const QString &id) const;
    void attach(const Connection &conn);
    void loadKey(ConnState &cs);
    void pump(const QString &connectionId);
    void schedule(ConnState &cs, qint64 atMs);
    bool isActive(const JobRecord &r) const;
    qint64 intervalFor(const ConnState &cs, const JobRecord &r) const;
    int inFlightLimit(const ConnState &cs) const;
    void setBudget(ConnState &cs);
    void noteAnswer(ConnState &cs, qint64 sentAtMs, const ApiError &e);
    void pollJob(ConnState &cs, const QString &key);
    void pollList(ConnState &cs);
    void whenBudgetAllows(const QString &connectionId, std::function<void()> send);
    void onProgress(const QString &connectionId, const QString &key, const JobProgress &job, const ApiError &e);
    void onDescribed(ConnState &cs, JobRecord &r, const JobProgress &fresh, const AnswerMerge::Delta &delta);
    void loadFilesIfNeeded(JobRecord &r) const;
    void onList(const QString &connectionId, const QVector<JobSummary> &jobs, const ApiError &e);
    void onConnectionError(ConnState &cs, const ApiError &e);
    void onConnectionOk(ConnState &cs);
    void twoPhase(const QString &key, bool commit, std::function<void(const ApiError &)> done);
    bool wantsCollection(const JobRecord &r) const;
    bool waitingForRows(const JobRecord &r, const CollectionState &c) const;
    void noteCollection(ConnState &cs, const JobRecord &r);
    bool pollDueCollection(ConnState &cs, qint64 now, qint64 notAfterMs, qint64 *wakeAt);
    void pollCollection(ConnState &cs, const QString &key);
    void onCollection(const QString &connectionId, const QString &key, const CollectionState &c, const ApiError &e);
    void sendCreate(const QString &connectionId, const CreateRequest &req, const QJsonObject &params, int resend, CreateDone done);
    void touch(JobRecord &r, JobState before);
    bool isNewEnd(JobRecord &r, JobState after);
    void markDirty(const QString &key, bool files = false);
    void writeDirty();

    HistoryStore *m_store;
    std::unique_ptr<HistoryWriter> m_writer; // writes on its own thread; reads stay with m_store
    ConnectionKeys *m_keys;
    QNetworkAccessManager *m_nam;
    ImportApiClient *m_client;
    QThreadPool *m_diffPool; // diffs large answers off the GUI thread
    Options m_options;
    std::function<QDateTime()> m_now;
    std::function<qint64()> m_monoClock;
    QElapsedTimer m_mono;
    std::map<QString, std::unique_ptr<ConnState>> m_conns;
    mutable QHash<QString, JobRecord> m_jobs; // mutable: job() completes a record with its lazily loaded files
    QSet<QString> m_dismissed; // removed by the user this session: not re-added by list polling
    QSet<QString> m_dirty;
    QSet<QString> m_dirtyFiles; // of m_dirty: those whose file list changed too
    QTimer *m_saveTimer;
    QString m_selected;
    QSet<QString> m_visible;
    bool m_visibleKnown = false; // a window said which jobs are on screen
};
