// ImportService: scheduling and answers. The budget (AIMD under the connection's ceiling), how many requests go at
// once (from the answers' latency), the order (list, selected, on screen, most overdue), backoff, and merging each
// answer into the job's record.

#include "ImportService.h"

#include "BackgroundThread.h"
#include "Backoff.h"
#include "ImportApiClient.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// Errors that say something about the connection as a whole (and so hold every job on it), not about one job.
bool affectsConnection(const ApiError &e)
{
    return e.retryable || e.kind == ErrorKind::Auth || e.kind == ErrorKind::Forbidden || e.kind == ErrorKind::Tls;
}

// Below this many files a diff costs less than the hop to another thread.
constexpr int kOffThreadDiffFiles = 128;
// QNetworkAccessManager's connections per host over HTTP/1.1.
constexpr int kHttp1ConnectionsPerHost = 6;
}

bool ImportService::isActive(const JobRecord &r) const
{
    return !r.expired && !isTerminal(r.job.state) && r.lastError.kind != ErrorKind::NotFound;
}

qint64 ImportService::intervalFor(const ConnState &cs, const JobRecord &r) const
{
    if (r.key() == m_selected)
        return m_options.selectedIntervalMs;
    qint64 ms;
    switch (r.job.state) {
    case JobState::Pending: ms = m_options.pendingIntervalMs; break;
    case JobState::Finalizing: ms = m_options.finalizingIntervalMs; break;
    default: ms = m_options.runningIntervalMs; break;
    }
    // The cloud has no progress-only request (its list carries none; a describe is progress and files at once):
    // a job nobody looks at is simply described less often, leaving the budget to those on screen.
    if (cs.controlPlane && m_visibleKnown && !m_visible.contains(r.key()))
        ms *= std::max(1, m_options.offScreenIntervalFactor);
    return ms;
}

int ImportService::inFlightLimit(const ConnState &cs) const
{
    int hi = std::max(1, m_options.maxInFlight);
    if (!cs.controlPlane)
        return std::min(hi, std::max(1, m_options.milvusInFlight));
    // Plain http is HTTP/1.1, where Qt opens at most 6 connections to a host: more "under way" would only queue
    // inside Qt and leave in bursts that the server counts against its limit. (https may multiplex over HTTP/2.)
    if (cs.conn.baseUrl.scheme() != QLatin1String("https"))
        hi = std::min(hi, kHttp1ConnectionsPerHost);
    // Enough under way to spend the rate while each answer takes latencyMs (Little's law), and one to spare.
    const int lo = std::clamp(m_options.minInFlight, 1, hi);
    // An answer that is late already says the answers are slow: a hung request must not hold back the rest.
    const qint64 now = mono();
    double latency = cs.latencyMs;
    for (const qint64 sent : cs.describeSentMs)
        latency = std::max(latency, static_cast<double>(now - sent));
    if (latency < 0)
        return lo;
    const double want = std::ceil(cs.budget.rate(now) * latency / 1000.0) + 1;
    return static_cast<int>(std::clamp<double>(want, lo, hi));
}

void ImportService::setBudget(ConnState &cs)
{
    cs.controlPlane = !cs.conn.clusterId.isEmpty() || !cs.conn.projectId.isEmpty()
        || cs.conn.endpoint({}).effectiveDialect() == Dialect::CloudV1;
    cs.budget.setRecovery(m_options.budgetRecoveryMs);
    cs.budget.setGuard(m_options.budgetGuardMs);
    cs.budget.setCeiling(cs.controlPlane ? m_options.requestsPerSecond
                                         : std::min(m_options.requestsPerSecond, m_options.milvusRequestsPerSecond));
}

void ImportService::noteAnswer(ConnState &cs, qint64 sentAtMs, const ApiError &e)
{
    const qint64 now = mono();
    if (e.kind == ErrorKind::RateLimited) {
        if (cs.budget.rateLimited(sentAtMs, now))
            Q_EMIT healthChanged(cs.conn.id);
        return;
    }
    if (e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout)
        return; // no answer: no latency
    const double sample = static_cast<double>(std::max<qint64>(0, now - sentAtMs));
    cs.latencyMs = cs.latencyMs < 0 ? sample : 0.8 * cs.latencyMs + 0.2 * sample;
}

void ImportService::schedule(ConnState &cs, qint64 atMs)
{
    const qint64 delay = std::max<qint64>(0, atMs - mono());
    if (cs.timer->isActive() && cs.timer->remainingTime() <= delay)
        return;
    cs.timer->start(static_cast<int>(std::min<qint64>(delay, 24LL * 3600 * 1000)));
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
    const int limit = inFlightLimit(cs);
    while (cs.inFlight < limit) {
        qint64 nextSlot = 0;
        if (!cs.budget.available(now, &nextSlot)) {
            wakeAt = std::min(wakeAt, nextSlot);
            break;
        }
        // 1. list: discovers jobs (and, on Milvus, refreshes every job's state and progress at once)
        if (!cs.listInFlight && cs.nextListMs <= now) {
            pollList(cs);
            continue;
        }
        // 2. the selected job, then 3. the jobs on screen, then whichever job is most overdue
        QString pick;
        qint64 pickDue = std::numeric_limits<qint64>::max();
        const bool lead = cs.controlPlane && m_visibleKnown;
        for (auto it = cs.dueMs.cbegin(); it != cs.dueMs.cend(); ++it) {
            if (cs.jobsInFlight.contains(it.key()))
                continue;
            // The selected job goes first once it is due; before that it must not stand in front of jobs that are.
            // A job on screen leads those off screen by visibleLeadMs: ahead of them, but none waits for ever.
            qint64 due = it.value();
            if (due <= now && it.key() == m_selected)
                due -= 1000000;
            else if (due <= now && lead && m_visible.contains(it.key()))
                due -= m_options.visibleLeadMs;
            if (due < pickDue) {
                pickDue = due;
                pick = it.key();
            }
        }
        // 4. a collection after its import (CollectionFollow.cpp), when it is more overdue than that job: on a
        // connection whose jobs are always due (the cloud spends its whole budget) it must still get its turn.
        const bool jobDue = !pick.isEmpty() && cs.dueMs.value(pick) <= now;
        if (pollDueCollection(cs, now, jobDue ? pickDue : std::numeric_limits<qint64>::max(), &wakeAt))
            continue;
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
    if (cs.inFlight < limit)
        schedule(cs, std::max(wakeAt, now + 1));
    else if (cs.controlPlane && !cs.describeSentMs.isEmpty())
        schedule(cs, now + 1000); // answers that stay away raise the limit: look again then
}

void ImportService::pollJob(ConnState &cs, const QString &key)
{
    const JobRecord &r = m_jobs[key];
    cs.jobsInFlight.insert(key);
    cs.budget.spend(mono());
    ++cs.inFlight;
    const QString connectionId = cs.conn.id;
    const qint64 sentAt = mono();
    cs.describeSentMs.insert(key, sentAt);
    m_client->fetchProgress(cs.conn.endpoint(cs.token), r.job.jobId, cs.context.get(),
                            [this, connectionId, key, sentAt](const JobProgress &job, const ApiError &e) {
                                if (ConnState *c = state(connectionId)) {
                                    c->describeSentMs.remove(key);
                                    noteAnswer(*c, sentAt, e);
                                }
                                onProgress(connectionId, key, job, e);
                            });
}

void ImportService::pollList(ConnState &cs)
{
    cs.listInFlight = true;
    cs.budget.spend(mono());
    ++cs.inFlight;
    const QString connectionId = cs.conn.id;
    const qint64 sentAt = mono();
    // Pages after the first are requests like any other: each waits for the budget. (A list's time says nothing
    // of a describe's: only its refusal counts.)
    m_client->listJobs(cs.conn.endpoint(cs.token), QString(), cs.context.get(),
                       [this, connectionId, sentAt](const QVector<JobSummary> &jobs, const ApiError &e) {
                           if (ConnState *c = state(connectionId); c && e.kind == ErrorKind::RateLimited)
                               noteAnswer(*c, sentAt, e);
                           onList(connectionId, jobs, e);
                       },
                       [this, connectionId](std::function<void()> send) { whenBudgetAllows(connectionId, std::move(send)); });
}

void ImportService::whenBudgetAllows(const QString &connectionId, std::function<void()> send)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return; // the connection is gone, and with it whoever waited for this page
    qint64 nextSlot = 0;
    const qint64 now = mono();
    if (cs->budget.available(now, &nextSlot)) {
        cs->budget.spend(now);
        send();
        return;
    }
    QTimer::singleShot(static_cast<int>(std::clamp<qint64>(nextSlot - now, 1, 60000)), cs->context.get(),
                       [this, connectionId, send] { whenBudgetAllows(connectionId, send); });
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
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end()) {
        --cs->inFlight;
        cs->jobsInFlight.remove(key);
        pump(connectionId);
        return;
    }
    JobRecord &r = *it;
    if (!e.isError()) {
        onConnectionOk(*cs);
        JobProgress job = fresh;
        if (job.jobId.isEmpty())
            job.jobId = r.job.jobId;
        loadFilesIfNeeded(r);
        if (job.files.size() < kOffThreadDiffFiles) {
            onDescribed(*cs, r, job, AnswerMerge::diff(r.job, job));
            return;
        }
        // A large file list is compared on a worker; the job stays "in flight" until the result is applied, so no
        // second answer for it can overtake this one. The record may change meanwhile (a list answer): the
        // generation tells, and the diff is then made again against what is current.
        const quint64 generation = r.generation;
        const JobProgress before = r.job; // shares its data: nothing is copied
        QPointer<QObject> ctx(cs->context.get());
        QtConcurrent::run(m_diffPool, [before, job] {
            BackgroundThread::enter();
            return AnswerMerge::diff(before, job);
        })
            .then(cs->context.get(), [this, ctx, connectionId, key, job, generation](const AnswerMerge::Delta &delta) {
                ConnState *c = state(connectionId);
                const auto rit = m_jobs.find(key);
                if (!ctx || !c)
                    return;
                if (rit == m_jobs.end()) {
                    --c->inFlight;
                    c->jobsInFlight.remove(key);
                    pump(connectionId);
                    return;
                }
                onDescribed(*c, *rit, job, rit->generation == generation ? delta : AnswerMerge::diff(rit->job, job));
            });
        return;
    }
    --cs->inFlight;
    cs->jobsInFlight.remove(key);
    const JobState before = r.displayState();
    if (e.kind == ErrorKind::NotFound) {
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
        cs->dueMs.insert(key, mono() + (e.isError() && !e.retryable ? 60000 : intervalFor(*cs, r)));
    else
        cs->dueMs.remove(key);
    pump(connectionId);
}

void ImportService::onDescribed(ConnState &cs, JobRecord &r, const JobProgress &fresh, const AnswerMerge::Delta &delta)
{
    const QString key = r.key();
    --cs.inFlight;
    cs.jobsInFlight.remove(key);
    if (r.hasDetails && !r.expired && !r.lastError.isError() && delta.same) {
        r.lastAnswer = now(); // nothing moved: no signal, no model update, no history write
    } else {
        const JobState before = r.displayState();
        const bool filesMoved = delta.filesReplaced || !delta.changedFiles.isEmpty();
        AnswerMerge::apply(r, fresh, true, now());
        r.lastError = {};
        markDirty(key, filesMoved);
        // The delta first: a view showing this job's files takes the changed rows from it, and the jobChanged
        // that follows finds its file list already current (the same shared data: nothing compared again).
        if (filesMoved)
            Q_EMIT filesChanged(key, delta.changedFiles, delta.filesReplaced);
        Q_EMIT jobChanged(r);
        const JobState after = r.displayState();
        if (after != before && isNewEnd(r, after))
            Q_EMIT jobTransition(r, before, after);
    }
    if (isActive(r))
        cs.dueMs.insert(key, mono() + intervalFor(cs, r));
    else
        cs.dueMs.remove(key);
    noteCollection(cs, r);
    pump(cs.conn.id);
}

void ImportService::onList(const QString &connectionId, const QVector<JobSummary> &list, const ApiError &e)
{
    ConnState *cs = state(connectionId);
    if (!cs)
        return;
    --cs->inFlight;
    cs->listInFlight = false;
    const bool paged = cs->controlPlane;
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
            it = m_jobs.insert(key, AnswerMerge::recordFromSummary(connectionId, s, now()));
            markDirty(key);
            Q_EMIT jobChanged(*it);
            // Fetch its files soon; a finished one once, after the running ones.
            if (isActive(*it))
                cs->dueMs.insert(key, mono());
            else if (isTerminal(s.state))
                cs->dueMs.insert(key, mono() + m_options.finishedFirstDescribeDelayMs);
            continue;
        }
        JobRecord &r = *it;
        const JobState before = r.displayState();
        const bool stateChanged = r.job.state != s.state || r.job.serverState != s.serverState || r.expired;
        const std::optional<JobProgress> job = AnswerMerge::fromSummary(r, s);
        if (!job) {
            // The list keeps this job fresh: describe it rarely, unless its files are on screen.
            if (isActive(r) && key != m_selected && r.hasDetails && s.progress)
                cs->dueMs.insert(key, std::max(cs->dueMs.value(key, 0), mono() + m_options.coveredByListIntervalMs));
            r.lastAnswer = now();
            noteCollection(*cs, r); // a plateau or a recent end seen only through the list
            continue;
        }
        AnswerMerge::apply(r, *job, false, now());
        touch(r, before);
        noteCollection(*cs, r);
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

void ImportService::touch(JobRecord &r, JobState before)
{
    markDirty(r.key());
    Q_EMIT jobChanged(r);
    const JobState after = r.displayState();
    if (after != before && isNewEnd(r, after))
        Q_EMIT jobTransition(r, before, after);
}

bool ImportService::isNewEnd(JobRecord &r, JobState after)
{
    // A state that moved backwards (a file task back to Pending, a Completed job seen Importing by a lagging
    // replica) and ends the same way again is not a second end: no second transition, no second notification.
    if (after != JobState::Completed && after != JobState::Failed && after != JobState::Cancelled)
        return true;
    if (r.endedAs == after)
        return false;
    r.endedAs = after;
    markDirty(r.key());
    return true;
}
