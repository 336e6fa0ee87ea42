#include "ImportService.h"

#include "ConnectionKeys.h"
#include "CreateParams.h"
#include "HistoryStore.h"
#include "HistoryWriter.h"
#include "ImportApiClient.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

ImportService::ImportService(HistoryStore *store, SecretStore *keychain, QObject *parent)
    : JobSource(parent), m_store(store), m_keys(new ConnectionKeys(keychain, this)),
      m_nam(new QNetworkAccessManager(this)), m_client(new ImportApiClient(*m_nam, this)),
      m_diffPool(new QThreadPool(this)), m_now([] { return QDateTime::currentDateTimeUtc(); }),
      m_saveTimer(new QTimer(this))
{
    m_mono.start();
    m_diffPool->setMaxThreadCount(1);
    m_saveTimer->setSingleShot(true);
    connect(m_saveTimer, &QTimer::timeout, this, &ImportService::writeDirty);
}

ImportService::~ImportService()
{
    flush();
    m_client->cancelAll();
    m_diffPool->waitForDone();
}

void ImportService::setOptions(const Options &o)
{
    m_options = o;
    m_options.requestsPerSecond = std::clamp(o.requestsPerSecond, RequestBudget::kMinimum, RequestBudget::kDocumentedLimit);
    m_options.milvusRequestsPerSecond = std::clamp(o.milvusRequestsPerSecond, RequestBudget::kMinimum, RequestBudget::kDocumentedLimit);
    m_client->setDeadlineMs(o.deadlineMs);
    m_client->setMaxBodyBytes(o.maxBodyBytes);
    m_saveTimer->setInterval(o.saveDelayMs);
    m_keys->setRetryDelayMs(o.keyRetryMs);
    for (auto &kv : m_conns)
        setBudget(*kv.second);
}

void ImportService::setRequestLogger(std::function<void(const QString &)> logger)
{
    m_client->setLogger(std::move(logger));
}

int ImportService::openReplies() const
{
    return static_cast<int>(m_nam->findChildren<QNetworkReply *>().size());
}

void ImportService::start()
{
    m_saveTimer->setInterval(m_options.saveDelayMs);
    m_client->setDeadlineMs(m_options.deadlineMs);
    m_client->setMaxBodyBytes(m_options.maxBodyBytes);
    if (m_store && m_store->isOpen()) {
        m_writer = std::make_unique<HistoryWriter>(m_store->path());
        connect(m_writer.get(), &HistoryWriter::failed, this, &ImportService::historyError);
        // File lists stay in the database until a job is looked at: start-up reads none of them.
        for (JobRecord &r : m_store->jobs(HistoryStore::Files::Lazy))
            m_jobs.insert(r.key(), std::move(r));
        loadUnconfirmed(); // creates a crash left without an answer (UnconfirmedCreates.cpp)
        for (const Connection &c : m_store->connections())
            attach(c);
    }
    for (const JobRecord &r : std::as_const(m_jobs))
        Q_EMIT jobChanged(r);
    Q_EMIT connectionsChanged();
}

ImportService::ConnState *ImportService::state(const QString &id)
{
    const auto it = m_conns.find(id);
    return it == m_conns.end() ? nullptr : it->second.get();
}

const ImportService::ConnState *ImportService::state(const QString &id) const
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
    const ConnState *cs = state(id);
    return cs ? &cs->conn : nullptr;
}

ConnectionHealth ImportService::health(const QString &connectionId) const
{
    const ConnState *cs = state(connectionId);
    if (!cs)
        return {};
    ConnectionHealth h = cs->health;
    h.requestsPerSecond = cs->budget.rate(mono());
    h.inFlightLimit = inFlightLimit(*cs);
    return h;
}

void ImportService::attach(const Connection &conn)
{
    auto cs = std::make_unique<ConnState>();
    cs->conn = conn;
    setBudget(*cs);
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
        checkUnconfirmed(cs.conn.id);
        return;
    }
    const QString id = cs.conn.id;
    const bool retry = !cs.keyRetried;
    cs.keyRetried = true;
    // The connection's context dies with its state: an answer for an edited or removed connection is dropped.
    m_keys->read(cs.conn, retry, cs.context.get(), [this, id](const QByteArray &token, const QString &problem) {
        ConnState *c = state(id);
        if (!c)
            return;
        if (problem.isEmpty()) {
            c->token = token;
            c->keyReady = true;
            c->health.keyProblem.clear();
            if (c->health.state == ConnectionHealth::State::NoKey)
                c->health.state = ConnectionHealth::State::Connecting;
            Q_EMIT healthChanged(id);
            schedule(*c, 0);
            checkUnconfirmed(id);
            return;
        }
        c->health.state = ConnectionHealth::State::NoKey;
        c->health.keyProblem = problem;
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
    const ConnState *existing = state(c.id);
    const std::optional<Connection> previous = existing ? std::optional<Connection>(existing->conn) : std::nullopt;
    auto finish = [this, c, done](const QString &problem) {
        if (!problem.isEmpty()) {
            if (done)
                done(problem);
            return;
        }
        if (m_writer)
            m_writer->saveConnection(c);
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
    m_keys->write(c, previous ? &*previous : nullptr, *key, this, finish);
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
    m_keys->read(conn, false, context, [run](const QByteArray &token, const QString &) { run(token); });
}

void ImportService::removeConnection(const QString &id)
{
    ConnState *cs = state(id);
    if (!cs)
        return;
    const Connection conn = cs->conn;
    m_conns.erase(id);
    if (conn.hasKey) {
        m_keys->remove(conn, this, [this](const QString &problem) {
            if (!problem.isEmpty())
                Q_EMIT historyError(tr("The key could not be deleted from the keychain: %1").arg(problem));
        });
    }
    const QList<QString> keys = m_jobs.keys();
    for (const QString &k : keys) {
        if (m_jobs.value(k).connectionId == id) {
            m_jobs.remove(k);
            m_dirty.remove(k);
            m_dirtyFiles.remove(k);
            Q_EMIT jobRemoved(k);
        }
    }
    if (m_writer)
        m_writer->removeConnection(id);
    Q_EMIT connectionsChanged();
}

QVector<JobRecord> ImportService::jobs() const
{
    return QVector<JobRecord>(m_jobs.cbegin(), m_jobs.cend());
}

void ImportService::loadFilesIfNeeded(JobRecord &r) const
{
    if (r.filesLoaded)
        return;
    r.filesLoaded = true;
    if (m_store && m_store->isOpen())
        r.job.files = m_store->loadFiles(r.connectionId, r.job.jobId); // one job: a millisecond, not a stall
}

const JobRecord *ImportService::job(const QString &key) const
{
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return nullptr;
    loadFilesIfNeeded(*it);
    return &*it;
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
        m_jobs[key].lastError = {};
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
    m_dirtyFiles.remove(key);
    m_dismissed.insert(key);
    if (ConnState *cs = state(connectionId))
        cs->dueMs.remove(key);
    if (m_writer)
        m_writer->removeJob(connectionId, jobId);
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

void ImportService::setVisibleJobs(const QSet<QString> &keys)
{
    const QSet<QString> before = m_visible;
    const bool wasKnown = m_visibleKnown;
    m_visible = keys;
    m_visibleKnown = true;
    // A job that comes into view is due within its on-screen interval, not the longer one it was given off screen.
    for (const QString &key : keys) {
        if (wasKnown && before.contains(key))
            continue;
        const auto rit = m_jobs.constFind(key);
        ConnState *cs = rit == m_jobs.constEnd() ? nullptr : state(rit->connectionId);
        if (!cs || !cs->controlPlane || !cs->dueMs.contains(key))
            continue;
        const qint64 due = std::min(cs->dueMs.value(key), mono() + intervalFor(*cs, *rit));
        if (due < cs->dueMs.value(key)) {
            cs->dueMs.insert(key, due);
            schedule(*cs, due);
        }
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
        if (!cs.keyReady && cs.health.state == ConnectionHealth::State::NoKey)
            loadKey(cs);
        schedule(cs, 0);
    }
}

void ImportService::markNotified(const QString &key, const QString &stateName)
{
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    it->notifiedState = stateName;
    // One column, not the whole record and its files.
    if (m_writer && !m_dirty.contains(key))
        m_writer->setNotified(it->connectionId, it->job.jobId, stateName);
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

void ImportService::markDirty(const QString &key, bool files)
{
    m_dirty.insert(key);
    if (files)
        m_dirtyFiles.insert(key);
    if (!m_saveTimer->isActive())
        m_saveTimer->start(m_options.saveDelayMs);
}

void ImportService::flush()
{
    writeDirty();
    if (m_writer)
        m_writer->flush();
}

void ImportService::writeDirty()
{
    if (m_dirty.isEmpty() || !m_writer)
        return;
    // Copies share their data with the records (implicit sharing): the writer thread encodes, the GUI does not.
    QVector<JobRecord> batch;
    batch.reserve(m_dirty.size());
    for (const QString &key : std::as_const(m_dirty)) {
        const auto rec = m_jobs.constFind(key);
        if (rec != m_jobs.constEnd() && m_conns.count(rec->connectionId))
            batch << *rec;
    }
    m_writer->saveJobs(batch, m_dirtyFiles);
    m_dirty.clear();
    m_dirtyFiles.clear();
}
