// `watch --all`: every job that is unfinished when the watch starts, asked one after another each interval,
// a line per change (each naming its job), until all have ended.

#include "WatchAll.h"

#include "Backoff.h"
#include "CliText.h"
#include "ImportApiClient.h"
#include "JobFormatter.h"

#include <QTimer>

namespace {
// Asked one after another, a round of many jobs stays under Zilliz Cloud's 20 requests per second.
constexpr int kGapBetweenJobsMs = 60;
} // namespace

void CommandLine::startWatchAll()
{
    m_all = std::make_unique<WatchAll>();
    connect(m_watchTimer, &QTimer::timeout, this, &CommandLine::pollWatchAll);
    const QString collection = m_parsed.first(QStringLiteral("collection"));
    m_client->listJobs(m_ep, collection, this, [this](const QVector<JobSummary> &jobs, const ApiError &e) {
        if (e.isError())
            return fail(e);
        const bool json = m_parsed.flag(QStringLiteral("json"));
        QStringList waiting;
        for (const JobSummary &s : jobs) {
            if (isTerminal(s.state) || m_all->ids.contains(s.jobId))
                continue;
            m_all->ids << s.jobId;
            if (s.state == JobState::Finalizing)
                waiting << s.jobId;
        }
        // What is watched goes to stderr: stdout stays a line (--json: an object) per change.
        if (m_all->ids.isEmpty()) {
            if (!json)
                m_err << "bulkwatch: no unfinished import jobs at " << m_ep.displayUrl() << '\n';
            return finish(0);
        }
        if (!json) {
            m_err << "bulkwatch: watching " << m_all->ids.size() << (m_all->ids.size() == 1 ? " unfinished job" : " unfinished jobs")
                  << " at " << m_ep.displayUrl() << " until " << (m_all->ids.size() == 1 ? "it ends" : "all have ended") << '\n';
            // A two-phase job ends only when someone commits or aborts it: say so, or the watch looks stuck.
            for (const QString &id : waiting)
                m_err << "bulkwatch: " << id << " waits for 'bulkwatch commit' or 'bulkwatch abort'; the watch ends after it\n";
            m_err.flush();
        }
        pollWatchAll();
    });
}

void CommandLine::pollWatchAll()
{
    WatchAll &w = *m_all;
    while (w.next < w.ids.size() && w.ended.contains(w.ids.at(w.next)))
        ++w.next;
    if (w.next >= w.ids.size()) {
        w.next = 0;
        if (w.ended.size() == w.ids.size())
            return finishWatchAll();
        m_watchTimer->start(m_intervalMs);
        return;
    }
    const QString id = w.ids.at(w.next);
    m_client->fetchProgress(m_ep, id, this, [this, id](const JobProgress &job, const ApiError &e) { watchAllAnswer(id, job, e); });
}

void CommandLine::watchAllAnswer(const QString &jobId, const JobProgress &job, const ApiError &error)
{
    WatchAll &w = *m_all;
    const bool json = m_parsed.flag(QStringLiteral("json"));
    const ApiError e = CliErrors::classify(error, m_ep);
    if (e.kind == ErrorKind::NotFound) {
        // It was in the server's list: the server's retention ended it. The others go on.
        ApiError expired = e;
        expired.kind = ErrorKind::Expired;
        if (json) {
            QJsonObject o = JobFormatter::errorToJson(expired);
            o.insert(QStringLiteral("jobId"), jobId);
            printJson(o);
        } else {
            const auto last = w.last.constFind(jobId);
            m_out << jobId << "  the job expired on the server; last known state: "
                  << (last == w.last.constEnd() ? QStringLiteral("not seen") : jobStateName(last->state)) << '\n';
            m_out.flush();
        }
        w.ended.insert(jobId, JobState::Expired);
    } else if (e.isError()) {
        return retryWatchAfter(e, json); // the same job again, after the backoff
    } else {
        m_failures = 0;
        m_lastError.clear();
        const auto last = w.last.constFind(jobId);
        if (last == w.last.constEnd() || *last != job) {
            if (json)
                printJson(CliText::json(job));
            else
                m_out << jobId << "  " << CliText::watchLine(job) << '\n';
            m_out.flush();
        }
        w.last.insert(jobId, job);
        if (job.state == JobState::Completed || job.state == JobState::Failed || job.state == JobState::Cancelled)
            w.ended.insert(jobId, job.state);
    }
    ++w.next;
    if (w.next < w.ids.size())
        m_watchTimer->start(w.ids.size() > 10 ? kGapBetweenJobsMs : 0);
    else
        pollWatchAll();
}

void CommandLine::finishWatchAll()
{
    const WatchAll &w = *m_all;
    int completed = 0;
    for (JobState s : w.ended)
        completed += s == JobState::Completed ? 1 : 0;
    if (!m_parsed.flag(QStringLiteral("json"))) {
        QHash<JobState, int> counts;
        for (JobState s : w.ended)
            ++counts[s];
        QStringList parts;
        for (JobState s : {JobState::Completed, JobState::Failed, JobState::Cancelled, JobState::Expired})
            if (counts.value(s))
                parts << QStringLiteral("%1 %2").arg(counts.value(s)).arg(jobStateName(s));
        m_out << (w.ids.size() == 1 ? QStringLiteral("1 job: ") : QStringLiteral("%1 jobs: ").arg(w.ids.size()))
              << parts.join(QStringLiteral(", ")) << '\n';
    }
    finish(completed == w.ids.size() ? 0 : 1);
}
