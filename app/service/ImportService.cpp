#include "ImportService.h"

#include "Backoff.h"
#include "HistoryStore.h"
#include "ImportApiClient.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

ImportService::ImportService(HistoryStore *store, SecretStore *keychain, QObject *parent)
    : JobSource(parent), m_store(store), m_keychain(keychain), m_sessionKeys(new MemorySecretStore(this)),
      m_nam(new QNetworkAccessManager(this)), m_client(new ImportApiClient(*m_nam, this)),
      m_now([] { return QDateTime::currentDateTimeUtc(); }), m_saveTimer(new QTimer(this))
{
    if (!m_keychain)
        m_keychain = m_sessionKeys;
    m_mono.start();
    m_saveTimer->setSingleShot(true);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { flushSome(2000); });
}

ImportService::~ImportService()
{
    flush();
    m_client->cancelAll();
}

void ImportService::setOptions(const Options &o)
{
    m_options = o;
    m_options.requestsPerSecond = std::clamp(o.requestsPerSecond, 0.1, 20.0);
    m_client->setDeadlineMs(o.deadlineMs);
    m_client->setMaxBodyBytes(o.maxBodyBytes);
    m_saveTimer->setInterval(o.saveDelayMs);
}

void ImportService::start()
{
    m_saveTimer->setInterval(m_options.saveDelayMs);
    m_client->setDeadlineMs(m_options.deadlineMs);
    if (m_store && m_store->isOpen()) {
        for (const JobRecord &r : m_store->jobs())
            m_jobs.insert(r.key(), r);
        for (const Connection &c : m_store->connections())
            attach(c);
    }
    for (const JobRecord &r : std::as_const(m_jobs))
        Q_EMIT jobChanged(r);
    Q_EMIT connectionsChanged();
}

SecretStore *ImportService::storeFor(bool sessionOnly) const
{
    return sessionOnly ? static_cast<SecretStore *>(m_sessionKeys) : m_keychain;
}

// Errors that say something about the connection as a whole (and so hold every job on it), not about one job.
static bool affectsConnection(const ApiError &e)
{
    return e.retryable || e.kind == ErrorKind::Auth || e.kind == ErrorKind::Forbidden || e.kind == ErrorKind::Tls;
}

ImportService::ConnState *ImportService::state(const QString &id)
{
    const auto it = m_conns.find(id);
    return it == m_conns.end() ? nullptr : it->second.get();
}

QVector<Connection> ImportService::connections() const
{
    QVector<Connection> out;
    for (const auto &kv : m_conns)
        out << kv.second->conn;
    return out;
}

const Connection *ImportService::connection(const QString &id) const
{
    const auto it = m_conns.find(id);
    return it == m_conns.end() ? nullptr : &it->second->conn;
}

ConnectionHealth ImportService::health(const QString &connectionId) const
{
    const auto it = m_conns.find(connectionId);
    return it == m_conns.end() ? ConnectionHealth{} : it->second->health;
}

void ImportService::attach(const Connection &conn)
{
    auto cs = std::make_unique<ConnState>();
    cs->conn = conn;
    cs->context = std::make_unique<QObject>();
    cs->timer = new QTimer(cs->context.get());
    cs->timer->setSingleShot(true);
    const QString id = conn.id;
    connect(cs->timer, &QTimer::timeout, this, [this, id] { pump(id); });
    for (const JobRecord &r : std::as_const(m_jobs)) {
        if (r.connectionId == id && isActive(r))
            cs->dueMs.insert(r.key(), 0);
    }
    ConnState &ref = *cs;
    m_conns[id] = std::move(cs);
    loadKey(ref);
}

void ImportService::loadKey(ConnState &cs)
{
    if (!cs.conn.hasKey) {
        cs.keyReady = true;
        schedule(cs, 0);
        return;
    }
    SecretStore *store = storeFor(cs.conn.sessionOnlyKey);
    const QString id = cs.conn.id;
    QObject *ctx = cs.context.get(); // dies with the connection's state: the answer is then dropped
    store->read(id, ctx, [this, id, ctx](const SecretStore::Result &r) {
        ConnState *c = state(id);
        if (!c)
            return;
        if (r.status == SecretStore::Status::Ok) {
            c->token = r.secret;
            c->keyReady = true;
            c->health.keyProblem.clear();
            if (c->health.state == ConnectionHealth::State::NoKey)
                c->health.state = ConnectionHealth::State::Connecting;
            Q_EMIT healthChanged(id);
            schedule(*c, 0);
            return;
        }
        // At login the keychain may not be up yet: try once more after a few seconds before telling the user.
        if (!c->keyRetried && (r.status == SecretStore::Status::NoBackend || r.status == SecretStore::Status::Failed)) {
            c->keyRetried = true;
            QTimer::singleShot(3000, ctx, [this, id] {
                if (ConnState *again = state(id))
                    loadKey(*again);
            });
            return;
        }
        c->health.state = ConnectionHealth::State::NoKey;
        c->health.keyProblem = c->conn.sessionOnlyKey
            ? tr("The key was kept for the previous session only. Edit the connection to enter it again.")
            : r.message;
        Q_EMIT healthChanged(id);
    });
}

void ImportService::saveConnection(const Connection &conn, const std::optional<QByteArray> &key,
                                   std::function<void(const QString &)> done)
{
    Connection c = conn;
    if (c.id.isEmpty())
        c.id = Connection::newId();
    if (key)
        c.hasKey = !key->isEmpty();
    const bool existed = m_conns.count(c.id) > 0;
    const Connection previous = existed ? m_conns[c.id]->conn : Connection{};
    auto finish = [this, c, done](const QString &problem) {
        if (!problem.isEmpty()) {
            if (done)
                done(problem);
            return;
        }
        if (m_store && m_store->isOpen() && !m_store->saveConnection(c))
            Q_EMIT historyError(tr("Could not save the connection: %1").arg(m_store->lastError()));
        // Replace the runtime state: replies still under way for the old settings are dropped with its context.
        m_conns.erase(c.id);
        // Cached connections keep the TLS settings they were made with (a CA trusted since, a key changed).
        m_nam->clearConnectionCache();
        attach(c);
        Q_EMIT connectionsChanged();
        if (done)
            done(QString());
    };
    if (!key) {
        finish(QString());
        return;
    }
    SecretStore *target = storeFor(c.sessionOnlyKey);
    auto afterWrite = [this, c, previous, existed, finish](const SecretStore::Result &r) {
        if (r.status != SecretStore::Status::Ok) {
            finish(r.message);
            return;
        }
        // A key moved between keychain and memory must not stay behind in the other place.
        if (existed && previous.sessionOnlyKey != c.sessionOnlyKey && previous.hasKey) {
            SecretStore *old = storeFor(previous.sessionOnlyKey);
            old->remove(c.id, this, [](const SecretStore::Result &) {});
        }
        finish(QString());
    };
    if (key->isEmpty())
        target->remove(c.id, this, afterWrite);
    else
        target->write(c.id, *key, this, afterWrite);
}

void ImportService::setRequestLogger(std::function<void(const QString &)> logger)
{
    m_client->setLogger(std::move(logger));
}

int ImportService::openReplies() const
{
    return static_cast<int>(m_nam->findChildren<QNetworkReply *>().size());
}

void ImportService::testConnection(const Connection &conn, const std::optional<QByteArray> &key, QObject *context,
                                   std::function<void(int, const ApiError &)> done)
{
    QPointer<QObject> ctx(context);
    auto run = [this, conn, ctx, done](const QByteArray &token) {
        if (!ctx)
            return;
        m_client->listJobs(conn.endpoint(token), QString(), ctx, [done](const QVector<JobSummary> &jobs, const ApiError &e) {
            done(static_cast<int>(jobs.size()), e);
        });
    };
    if (key || !conn.hasKey) {
        run(key.value_or(QByteArray()));
        return;
    }
    // Editing a saved connection without retyping its key: test with the key it already has.
    if (const ConnState *cs = state(conn.id); cs && cs->keyReady) {
        run(cs->token);
        return;
    }
    storeFor(conn.sessionOnlyKey)->read(conn.id, context, [run](const SecretStore::Result &r) {
        run(r.status == SecretStore::Status::Ok ? r.secret : QByteArray());
    });
}

void ImportService::removeConnection(const QString &id)
{
    ConnState *cs = state(id);
    if (!cs)
        return;
    const Connection conn = cs->conn;
    m_conns.erase(id);
    if (conn.hasKey) {
        SecretStore *store = storeFor(conn.sessionOnlyKey);
        store->remove(id, this, [this](const SecretStore::Result &r) {
            if (r.status != SecretStore::Status::Ok)
                Q_EMIT historyError(tr("The key could not be deleted from the keychain: %1").arg(r.message));
        });
    }
    const QList<QString> keys = m_jobs.keys();
    for (const QString &k : keys) {
        if (m_jobs.value(k).connectionId == id) {
            m_jobs.remove(k);
            m_dirty.remove(k);
            Q_EMIT jobRemoved(k);
        }
    }
    if (m_store && m_store->isOpen())
        m_store->removeConnection(id);
    Q_EMIT connectionsChanged();
}

QVector<JobRecord> ImportService::jobs() const
{
    return QVector<JobRecord>(m_jobs.cbegin(), m_jobs.cend());
}

const JobRecord *ImportService::job(const QString &key) const
{
    const auto it = m_jobs.constFind(key);
    return it == m_jobs.constEnd() ? nullptr : &*it;
}

QString ImportService::addJob(const QString &connectionId, const QString &pastedId)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return tr("Choose a connection first.");
    const QString id = normalisedJobId(pastedId);
    const QString problem = jobIdProblem(id);
    if (!problem.isEmpty())
        return problem;
    const QString key = JobRecord::keyOf(connectionId, id);
    m_dismissed.remove(key);
    if (m_jobs.contains(key)) {
        JobRecord &r = m_jobs[key];
        r.lastError = {};
        cs->dueMs.insert(key, 0);
        schedule(*cs, 0);
        return {};
    }
    JobRecord r;
    r.connectionId = connectionId;
    r.job.jobId = id;
    r.addedByHand = true;
    r.firstSeen = now();
    m_jobs.insert(key, r);
    markDirty(key);
    Q_EMIT jobChanged(r);
    cs->dueMs.insert(key, 0);
    schedule(*cs, 0);
    return {};
}

void ImportService::removeJob(const QString &key)
{
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    const QString connectionId = it->connectionId;
    const QString jobId = it->job.jobId;
    m_jobs.erase(it);
    m_dirty.remove(key);
    m_dismissed.insert(key);
    if (ConnState *cs = state(connectionId))
        cs->dueMs.remove(key);
    if (m_store && m_store->isOpen())
        m_store->removeJob(connectionId, jobId);
    Q_EMIT jobRemoved(key);
}

void ImportService::setSelectedJob(const QString &key)
{
    m_selected = key;
    const JobRecord *r = job(key);
    if (!r)
        return;
    ConnState *cs = state(r->connectionId);
    // A job whose files are on screen and were never fetched is fetched now, whatever its state.
    if (cs && (isActive(*r) || (!r->hasDetails && !r->expired && r->lastError.kind != ErrorKind::NotFound))) {
        cs->dueMs.insert(key, 0);
        schedule(*cs, 0);
    }
}

void ImportService::refreshNow()
{
    for (auto &kv : m_conns) {
        ConnState &cs = *kv.second;
        cs.holdUntilMs = 0;
        cs.failures = 0;
        cs.nextListMs = 0;
        for (auto it = cs.dueMs.begin(); it != cs.dueMs.end(); ++it)
            it.value() = 0;
        if (!cs.keyReady && cs.health.state == ConnectionHealth::State::NoKey) {
            cs.keyRetried = true;
            loadKey(cs);
        }
        schedule(cs, 0);
    }
}

void ImportService::markNotified(const QString &key, const QString &stateName)
{
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    it->notifiedState = stateName;
    markDirty(key);
}

bool ImportService::anyActive() const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [this](const JobRecord &r) { return isActive(r); });
}

ImportService::Overview ImportService::overview(const QDateTime &failedSince) const
{
    Overview o;
    double sum = 0;
    for (const JobRecord &r : m_jobs) {
        if (isActive(r)) {
            ++o.running;
            sum += r.job.progress;
        } else if ((r.job.state == JobState::Failed || r.job.state == JobState::Cancelled) && !r.expired && r.endedAt >= failedSince) {
            ++o.failedRecently;
        }
    }
    o.meanProgress = o.running ? sum / o.running : 0;
    return o;
}

int ImportService::requestsInFlight() const
{
    return m_client->requestsInFlight();
}

bool ImportService::isActive(const JobRecord &r) const
{
    return !r.expired && !isTerminal(r.job.state) && r.lastError.kind != ErrorKind::NotFound;
}

qint64 ImportService::intervalFor(const JobRecord &r) const
{
    if (r.key() == m_selected)
        return m_options.selectedIntervalMs;
    switch (r.job.state) {
    case JobState::Pending: return m_options.pendingIntervalMs;
    case JobState::Finalizing: return m_options.finalizingIntervalMs;
    default: return m_options.runningIntervalMs;
    }
}

void ImportService::schedule(ConnState &cs, qint64 atMs)
{
    const qint64 delay = std::max<qint64>(0, atMs - mono());
    if (cs.timer->isActive() && cs.timer->remainingTime() <= delay)
        return;
    cs.timer->start(static_cast<int>(std::min<qint64>(delay, 24LL * 3600 * 1000)));
}

bool ImportService::budgetAvailable(ConnState &cs, qint64 now, qint64 *nextSlotMs)
{
    const int perSecond = std::max(1, static_cast<int>(m_options.requestsPerSecond));
    const qint64 window = m_options.requestsPerSecond < 1 ? static_cast<qint64>(1000 / m_options.requestsPerSecond) : 1000;
    while (!cs.sentMs.empty() && cs.sentMs.front() <= now - window)
        cs.sentMs.pop_front();
    if (static_cast<int>(cs.sentMs.size()) < perSecond)
        return true;
    *nextSlotMs = cs.sentMs.front() + window + 1;
    return false;
}

void ImportService::pump(const QString &connectionId)
{
    ConnState *csp = state(connectionId);
    if (!csp || !csp->keyReady)
        return;
    ConnState &cs = *csp;
    const qint64 now = mono();
    if (cs.holdUntilMs > now) {
        schedule(cs, cs.holdUntilMs);
        return;
    }
    qint64 wakeAt = now + 3600 * 1000;
    while (cs.inFlight < m_options.maxInFlight) {
        qint64 nextSlot = 0;
        if (!budgetAvailable(cs, now, &nextSlot)) {
            wakeAt = std::min(wakeAt, nextSlot);
            break;
        }
        // 1. list: discovers jobs (and, on Milvus, refreshes every job's state and progress at once)
        if (!cs.listInFlight && cs.nextListMs <= now) {
            pollList(cs);
            continue;
        }
        // 2. the selected job, then 3. whichever job is most overdue
        QString pick;
        qint64 pickDue = std::numeric_limits<qint64>::max();
        for (auto it = cs.dueMs.cbegin(); it != cs.dueMs.cend(); ++it) {
            if (cs.jobsInFlight.contains(it.key()))
                continue;
            const qint64 due = it.key() == m_selected ? it.value() - 1000000 : it.value();
            if (due < pickDue) {
                pickDue = due;
                pick = it.key();
            }
        }
        if (pick.isEmpty())
            break;
        const qint64 realDue = cs.dueMs.value(pick);
        if (realDue > now) {
            wakeAt = std::min(wakeAt, realDue);
            break;
        }
        pollJob(cs, pick);
    }
    if (!cs.listInFlight)
        wakeAt = std::min(wakeAt, cs.nextListMs);
    if (cs.inFlight < m_options.maxInFlight)
        schedule(cs, std::max(wakeAt, now + 1));
}

void ImportService::pollJob(ConnState &cs, const QString &key)
{
    const JobRecord &r = m_jobs[key];
    cs.jobsInFlight.insert(key);
    cs.sentMs.push_back(mono());
    ++cs.inFlight;
    const QString connectionId = cs.conn.id;
    m_client->fetchProgress(cs.conn.endpoint(cs.token), r.job.jobId, cs.context.get(),
                            [this, connectionId, key](const JobProgress &job, const ApiError &e) {
                                onProgress(connectionId, key, job, e);
                            });
}

void ImportService::pollList(ConnState &cs)
{
    cs.listInFlight = true;
    cs.sentMs.push_back(mono());
    ++cs.inFlight;
    const QString connectionId = cs.conn.id;
    m_client->listJobs(cs.conn.endpoint(cs.token), QString(), cs.context.get(),
                       [this, connectionId](const QVector<JobSummary> &jobs, const ApiError &e) { onList(connectionId, jobs, e); });
}

void ImportService::onConnectionOk(ConnState &cs)
{
    const bool changed = cs.health.state != ConnectionHealth::State::Ok || cs.health.lastError.isError();
    cs.failures = 0;
    cs.holdUntilMs = 0;
    cs.health.state = ConnectionHealth::State::Ok;
    cs.health.lastAnswer = now();
    cs.health.lastError = {};
    cs.health.retryAt = {};
    if (changed)
        Q_EMIT healthChanged(cs.conn.id);
}

void ImportService::onConnectionError(ConnState &cs, const ApiError &e)
{
    cs.health.lastError = e;
    qint64 delay;
    if (e.kind == ErrorKind::Auth || e.kind == ErrorKind::Forbidden) {
        cs.health.state = ConnectionHealth::State::AuthFailed;
        delay = m_options.authRetryMs;
    } else if (e.kind == ErrorKind::Tls) {
        cs.health.state = ConnectionHealth::State::Offline; // until the certificate or the trusted CA changes
        delay = m_options.authRetryMs;
    } else {
        ++cs.failures;
        delay = Backoff::delayMs(cs.failures, m_options.maxBackoffMs, e.retryAfterMs);
        cs.health.state = (e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout)
            ? ConnectionHealth::State::Offline
            : ConnectionHealth::State::Backoff;
    }
    cs.holdUntilMs = mono() + delay;
    cs.health.retryAt = now().addMSecs(delay);
    Q_EMIT healthChanged(cs.conn.id);
    schedule(cs, cs.holdUntilMs);
}

void ImportService::onProgress(const QString &connectionId, const QString &key, const JobProgress &fresh, const ApiError &e)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return;
    --cs->inFlight;
    cs->jobsInFlight.remove(key);
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end()) {
        pump(connectionId);
        return;
    }
    JobRecord &r = *it;
    const JobState before = r.displayState();
    if (!e.isError()) {
        onConnectionOk(*cs);
        JobProgress job = fresh;
        if (job.jobId.isEmpty())
            job.jobId = r.job.jobId;
        if (r.hasDetails && !r.expired && !r.lastError.isError() && job == r.job) {
            r.lastAnswer = now(); // nothing moved: no signal, no model update, no history write
        } else {
            apply(r, job, true);
            r.lastError = {};
            touch(r, before);
        }
    } else if (e.kind == ErrorKind::NotFound) {
        onConnectionOk(*cs); // the server answered
        if (r.lastAnswer.isValid()) {
            // It was there before: the server's retention ended it. Keep the last known state.
            r.expired = true;
            r.expiredAt = now();
            r.lastError = {};
        } else {
            r.lastError = e;
            r.lastError.message = tr("The server does not know this job: a wrong ID, another database, or it "
                                     "finished over 3 hours ago and has expired. (%1)").arg(e.message);
        }
        touch(r, before);
    } else {
        r.lastError = e;
        markDirty(key);
        Q_EMIT jobChanged(r);
        if (affectsConnection(e))
            onConnectionError(*cs, e);
    }
    if (isActive(r) || (e.isError() && e.kind != ErrorKind::NotFound && !r.expired))
        cs->dueMs.insert(key, mono() + (e.isError() && !e.retryable ? 60000 : intervalFor(r)));
    else
        cs->dueMs.remove(key);
    pump(connectionId);
}

void ImportService::onList(const QString &connectionId, const QVector<JobSummary> &list, const ApiError &e)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return;
    --cs->inFlight;
    cs->listInFlight = false;
    const bool paged = !cs->conn.clusterId.isEmpty() || !cs->conn.projectId.isEmpty()
        || cs->conn.endpoint({}).effectiveDialect() == Dialect::CloudV1;
    // With nothing running on this connection the list only discovers new jobs: ask five times less often.
    bool anyActive = false;
    for (const JobRecord &r : std::as_const(m_jobs))
        anyActive = anyActive || (r.connectionId == connectionId && isActive(r));
    cs->nextListMs = mono() + (paged ? m_options.pagedListIntervalMs : m_options.listIntervalMs) * (anyActive || list.isEmpty() ? 1 : 5);
    if (e.isError()) {
        if (affectsConnection(e))
            onConnectionError(*cs, e);
        else {
            cs->health.lastError = e; // e.g. a proxy without the list route: keep watching jobs by ID
            cs->nextListMs = mono() + 10 * m_options.pagedListIntervalMs;
            Q_EMIT healthChanged(connectionId);
        }
        pump(connectionId);
        return;
    }
    onConnectionOk(*cs);
    QSet<QString> listed;
    for (const JobSummary &s : list) {
        const QString key = JobRecord::keyOf(connectionId, s.jobId);
        listed.insert(key);
        if (m_dismissed.contains(key))
            continue;
        auto it = m_jobs.find(key);
        if (it == m_jobs.end()) {
            JobRecord r;
            r.connectionId = connectionId;
            r.job.jobId = s.jobId;
            r.job.collectionName = s.collectionName;
            r.job.state = s.state;
            r.job.serverState = s.serverState;
            r.job.progress = s.progress.value_or(s.state == JobState::Completed ? 100 : 0);
            r.job.reason = s.reason;
            r.firstSeen = now();
            r.lastAnswer = now();
            r.lastChange = now();
            r.notifiedState = jobStateName(s.state); // found already in this state: nothing to announce
            it = m_jobs.insert(key, r);
            markDirty(key);
            Q_EMIT jobChanged(*it);
            // Fetch its files soon; a finished one once, after the running ones.
            if (isActive(*it))
                cs->dueMs.insert(key, mono());
            else if (isTerminal(s.state))
                cs->dueMs.insert(key, mono() + 2000);
            continue;
        }
        JobRecord &r = *it;
        const JobState before = r.displayState();
        const bool stateChanged = r.job.state != s.state || r.job.serverState != s.serverState || r.expired;
        const bool progressChanged = s.progress && std::abs(*s.progress - r.job.progress) > 0.001;
        if (!stateChanged && !progressChanged && r.job.reason == s.reason) {
            // The list keeps this job fresh: describe it rarely, unless its files are on screen.
            if (isActive(r) && key != m_selected && r.hasDetails && s.progress)
                cs->dueMs.insert(key, std::max(cs->dueMs.value(key, 0), mono() + m_options.coveredByListIntervalMs));
            r.lastAnswer = now();
            continue;
        }
        JobProgress job = r.job;
        job.state = s.state;
        job.serverState = s.serverState;
        if (s.progress)
            job.progress = *s.progress;
        if (!s.reason.isEmpty())
            job.reason = s.reason;
        if (s.collectionName)
            job.collectionName = s.collectionName;
        apply(r, job, false);
        touch(r, before);
        // It changed: fetch the files soon (the job-level figures are already fresh).
        if (isActive(r) || (isTerminal(r.job.state) && !r.hasDetails) || stateChanged)
            cs->dueMs.insert(key, std::min(cs->dueMs.value(key, mono()), mono() + (key == m_selected ? 0 : 1000)));
    }
    // A complete list that no longer has a finished job: the server forgot it.
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        JobRecord &r = *it;
        if (r.connectionId != connectionId || r.expired || listed.contains(it.key()) || !isTerminal(r.job.state))
            continue;
        const JobState before = r.displayState();
        r.expired = true;
        r.expiredAt = now();
        cs->dueMs.remove(it.key());
        touch(r, before);
    }
    pump(connectionId);
}

void ImportService::apply(JobRecord &r, const JobProgress &fresh, bool details)
{
    const QDateTime t = now();
    JobProgress merged = fresh;
    if (!details) {
        // A list summary has no files or rows: keep what the last describe said.
        merged.files = r.job.files;
        merged.importedRows = r.job.importedRows;
        merged.totalRows = r.job.totalRows;
        merged.fileSize = r.job.fileSize;
        merged.completeTime = r.job.completeTime;
        merged.createTime = r.job.createTime;
    }
    if (!merged.collectionName)
        merged.collectionName = r.job.collectionName;
    const bool moved = merged.state != r.job.state || std::abs(merged.progress - r.job.progress) > 0.001
        || merged.importedRows != r.job.importedRows || merged.files != r.job.files;
    // Smoothed rates (exponential moving average) so the ETA does not jump around.
    if (r.lastAnswer.isValid() && moved) {
        const double dt = r.lastChange.isValid() ? r.lastChange.msecsTo(t) / 1000.0 : 0;
        if (dt > 0.2) {
            if (merged.importedRows && r.job.importedRows && *merged.importedRows > *r.job.importedRows) {
                const double rate = (*merged.importedRows - *r.job.importedRows) / dt;
                r.rowsPerSecond = r.rowsPerSecond < 0 ? rate : 0.3 * rate + 0.7 * r.rowsPerSecond;
            }
            if (merged.progress > r.job.progress) {
                const double rate = (merged.progress - r.job.progress) / dt;
                r.percentPerSecond = r.percentPerSecond < 0 ? rate : 0.3 * rate + 0.7 * r.percentPerSecond;
            }
        }
    }
    if (moved || !r.lastChange.isValid())
        r.lastChange = t;
    if (isTerminal(merged.state) && (!isTerminal(r.job.state) || !r.endedAt.isValid()))
        r.endedAt = merged.completeTime.isValid() ? merged.completeTime : (isTerminal(r.job.state) ? QDateTime() : t);
    r.job = merged;
    r.hasDetails = r.hasDetails || details;
    r.lastAnswer = t;
    if (!r.firstSeen.isValid())
        r.firstSeen = t;
    if (r.expired) {
        r.expired = false; // it answered: not expired after all
        r.expiredAt = {};
    }
}

void ImportService::touch(JobRecord &r, JobState before)
{
    markDirty(r.key());
    Q_EMIT jobChanged(r);
    const JobState after = r.displayState();
    if (after != before)
        Q_EMIT jobTransition(r, before, after);
}

void ImportService::markDirty(const QString &key)
{
    m_dirty.insert(key);
    if (!m_saveTimer->isActive())
        m_saveTimer->start(m_options.saveDelayMs);
}

void ImportService::flush()
{
    flushSome(std::numeric_limits<int>::max());
}

void ImportService::flushSome(int maxFiles)
{
    if (m_dirty.isEmpty() || !m_store || !m_store->isOpen())
        return;
    // Written in slices bounded by file count: 200 jobs of 1024 files each must not freeze the window.
    QVector<JobRecord> batch;
    int files = 0;
    for (auto it = m_dirty.begin(); it != m_dirty.end() && files < maxFiles;) {
        const auto rec = m_jobs.constFind(*it);
        if (rec != m_jobs.constEnd() && m_conns.count(rec->connectionId)) {
            batch << *rec;
            files += 1 + static_cast<int>(rec->job.files.size());
        }
        it = m_dirty.erase(it);
    }
    if (!m_store->saveJobs(batch))
        Q_EMIT historyError(tr("Could not write the history: %1").arg(m_store->lastError()));
    if (!m_dirty.isEmpty())
        m_saveTimer->start(0);
}

QJsonObject ImportService::paramsOf(const CreateRequest &req)
{
    QJsonArray groups;
    for (const QStringList &g : req.fileGroups)
        groups.append(QJsonArray::fromStringList(g));
    return QJsonObject{{QStringLiteral("dbName"), req.dbName},
                       {QStringLiteral("collectionName"), req.collectionName},
                       {QStringLiteral("partitionName"), req.partitionName},
                       {QStringLiteral("files"), groups},
                       {QStringLiteral("options"), req.options},
                       {QStringLiteral("bucketKeysRemembered"), false}};
}

CreateRequest ImportService::requestOf(const QJsonObject &params)
{
    CreateRequest req;
    req.dbName = params.value(QLatin1String("dbName")).toString();
    req.collectionName = params.value(QLatin1String("collectionName")).toString();
    req.partitionName = params.value(QLatin1String("partitionName")).toString();
    for (const QJsonValue &g : params.value(QLatin1String("files")).toArray()) {
        QStringList group;
        for (const QJsonValue &p : g.toArray())
            group << p.toString();
        req.fileGroups << group;
    }
    req.options = params.value(QLatin1String("options")).toObject();
    return req;
}

CreateRequest ImportService::requestFor(const QString &key) const
{
    const JobRecord *r = job(key);
    if (!r)
        return {};
    if (!r->createParams.isEmpty())
        return requestOf(r->createParams);
    // Created elsewhere: what the server told us. Milvus shows "[a.npy, b.npy]"; older ones "id:… paths:\"…\"".
    CreateRequest req;
    req.collectionName = r->job.collectionName.value_or(QString());
    if (const Connection *c = connection(r->connectionId))
        req.dbName = c->dbName;
    static const QRegularExpression quoted(QStringLiteral("paths:\"([^\"]*)\""));
    for (const FileProgress &f : r->job.files) {
        QString name = f.fileName.trimmed();
        QStringList group;
        auto it = quoted.globalMatch(name);
        while (it.hasNext())
            group << it.next().captured(1);
        if (group.isEmpty()) {
            if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
                name = name.mid(1, name.size() - 2);
            for (const QString &p : name.split(QLatin1Char(','), Qt::SkipEmptyParts))
                group << p.trimmed();
        }
        if (!group.isEmpty())
            req.fileGroups << group;
    }
    return req;
}

void ImportService::createJob(const QString &connectionId, const CreateRequest &req, bool rememberBucketKeys, CreateDone done)
{
    ConnState *cs = state(connectionId);
    if (!cs || !cs->keyReady) {
        done({}, ApiError::make(ErrorKind::Auth, cs ? tr("The connection's key is not available yet.") : tr("Choose a connection first.")));
        return;
    }
    QJsonObject params = paramsOf(req);
    params.insert(QStringLiteral("bucketKeysRemembered"), rememberBucketKeys && (!req.accessKey.isEmpty() || !req.secretKey.isEmpty()));
    const QString bucketEntry = connectionId + QStringLiteral(":bucket");
    if (params.value(QLatin1String("bucketKeysRemembered")).toBool()) {
        const QByteArray keys = QJsonDocument(QJsonObject{{QStringLiteral("accessKey"), QString::fromUtf8(req.accessKey)},
                                                          {QStringLiteral("secretKey"), QString::fromUtf8(req.secretKey)}}).toJson(QJsonDocument::Compact);
        m_keychain->write(bucketEntry, keys, this, [this](const SecretStore::Result &r) {
            if (r.status != SecretStore::Status::Ok)
                Q_EMIT historyError(tr("The bucket keys could not be kept in the keychain: %1").arg(r.message));
        });
    }
    QPointer<QObject> ctx(cs->context.get());
    m_client->createJob(cs->conn.endpoint(cs->token), req, cs->context.get(), [this, connectionId, params, done, ctx](const QString &jobId, const ApiError &e) {
        ConnState *c = state(connectionId);
        if (!ctx || !c)
            return;
        if (e.isError())
            return done({}, e);
        const QString key = JobRecord::keyOf(connectionId, jobId);
        JobRecord r;
        r.connectionId = connectionId;
        r.job.jobId = jobId;
        r.job.collectionName = params.value(QLatin1String("collectionName")).toString();
        r.job.state = JobState::Pending;
        r.addedByHand = true;
        r.firstSeen = now();
        r.createParams = params;
        r.notifiedState = jobStateName(JobState::Pending);
        m_jobs.insert(key, r);
        m_dismissed.remove(key);
        markDirty(key);
        Q_EMIT jobChanged(r);
        c->dueMs.insert(key, 0); // watch it at once
        schedule(*c, 0);
        done(key, {});
    });
}

bool ImportService::retryJob(const QString &key, CreateDone done)
{
    const JobRecord *r = job(key);
    if (!r || r->createParams.isEmpty())
        return false;
    const QString connectionId = r->connectionId;
    const QJsonObject params = r->createParams;
    CreateRequest req = requestOf(params);
    if (!params.value(QLatin1String("bucketKeysRemembered")).toBool()) {
        createJob(connectionId, req, false, done);
        return true;
    }
    m_keychain->read(connectionId + QStringLiteral(":bucket"), this, [this, connectionId, req, done](const SecretStore::Result &res) mutable {
        if (res.status != SecretStore::Status::Ok)
            return done({}, ApiError::make(ErrorKind::Auth, tr("The bucket keys could not be read from the keychain: %1").arg(res.message)));
        const QJsonObject keys = QJsonDocument::fromJson(res.secret).object();
        req.accessKey = keys.value(QLatin1String("accessKey")).toString().toUtf8();
        req.secretKey = keys.value(QLatin1String("secretKey")).toString().toUtf8();
        createJob(connectionId, req, true, done);
    });
    return true;
}

void ImportService::twoPhase(const QString &key, bool commit, std::function<void(const ApiError &)> done)
{
    const JobRecord *r = job(key);
    ConnState *cs = r ? state(r->connectionId) : nullptr;
    if (!cs) {
        done(ApiError::make(ErrorKind::NotFound, tr("No such job.")));
        return;
    }
    const QString connectionId = cs->conn.id;
    auto after = [this, key, connectionId, done](const ApiError &e) {
        if (ConnState *c = state(connectionId)) {
            c->dueMs.insert(key, 0); // show the outcome at once
            schedule(*c, 0);
        }
        done(e);
    };
    if (commit)
        m_client->commitJob(cs->conn.endpoint(cs->token), r->job.jobId, cs->context.get(), after);
    else
        m_client->abortJob(cs->conn.endpoint(cs->token), r->job.jobId, cs->context.get(), after);
}

void ImportService::commitJob(const QString &key, std::function<void(const ApiError &)> done)
{
    twoPhase(key, true, std::move(done));
}

void ImportService::abortJob(const QString &key, std::function<void(const ApiError &)> done)
{
    twoPhase(key, false, std::move(done));
}
