#include "JobEta.h"

#include "JobFormatter.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace {
bool rowsKnown(const JobProgress &j)
{
    return j.totalRows && *j.totalRows > 0 && j.importedRows;
}

bool rowsDone(const JobProgress &j)
{
    return jobPhase(j) == JobPhase::SortingIndexing || (rowsKnown(j) && *j.importedRows >= *j.totalRows);
}

qint64 rowsOf(const JobProgress &j)
{
    if (j.totalRows && *j.totalRows > 0)
        return *j.totalRows;
    return j.importedRows.value_or(0);
}

// A connection keeps at most this many finished jobs to learn from (beyond, one makes room for the newest).
constexpr int MaxSamples = 40;
// Up to this many times the rows of the biggest job seen finishing, the tail grows in proportion to the rows.
constexpr double ProportionalReach = 4;
} // namespace

QDateTime EtaEstimator::rowsDoneAt(const JobRecord &r) const
{
    QDateTime last;
    for (const FileProgress &f : r.job.files) {
        if (!f.completeTime.isValid())
            return {}; // a file still without its time: not all rows are in by the server's word
        last = std::max(last, f.completeTime);
    }
    return last;
}

void EtaEstimator::observe(const JobRecord &r, const QDateTime &now)
{
    const QString key = r.key();
    if (!isTerminal(r.job.state) && !r.expired) {
        if (jobPhase(r.job) == JobPhase::Waiting || (jobPhase(r.job) == JobPhase::Reading && !(r.job.importedRows.value_or(0) > 0)))
            m_seenWaiting.insert(key);
        if (rowsDone(r.job)) {
            if (!m_rowsDoneSeen.contains(key))
                m_rowsDoneSeen.insert(key, now);
        } else if (jobPhase(r.job) == JobPhase::Importing || jobPhase(r.job) == JobPhase::Reading) {
            m_seenInRows.insert(key, true);
            m_rowsDoneSeen.remove(key); // rows moving again (a retried task): the tail starts later
            if (rowsKnown(r.job)) {
                const auto base = m_rowsBase.constFind(key);
                // A count that went back (a retried task) starts the measure again.
                if (base == m_rowsBase.cend() || *r.job.importedRows < base->rows) {
                    const QDateTime at = r.rowsChangedAt.isValid() ? std::max(r.rowsChangedAt, r.lastAnswer) : now;
                    m_rowsBase.insert(key, RowsBase{at.isValid() ? at : now, *r.job.importedRows});
                }
            }
        }
        return;
    }
    m_rowsBase.remove(key);
    m_seenWaiting.remove(key);
    if (r.job.state == JobState::Completed)
        learn(r);
    m_seenInRows.remove(key);
    m_rowsDoneSeen.remove(key);
}

double EtaEstimator::rowsPerSecond(const JobRecord &r) const
{
    const auto base = m_rowsBase.constFind(r.key());
    if (base != m_rowsBase.cend() && rowsKnown(r.job) && r.rowsChangedAt.isValid()) {
        const double seconds = base->at.msecsTo(r.rowsChangedAt) / 1000.0;
        if (seconds >= 0.2 && *r.job.importedRows > base->rows)
            return static_cast<double>(*r.job.importedRows - base->rows) / seconds;
    }
    // Seen queued or reading, then with its first rows: the service's rate spans the wait, so none yet.
    if (m_seenWaiting.contains(r.key()))
        return -1;
    // Otherwise (a job first seen importing, answers merged between two looks) the service's smoothed rate.
    return r.rowsPerSecond;
}

bool EtaEstimator::extrapolated(const QString &connectionId, qint64 rows) const
{
    qint64 most = 0;
    for (const Sample &s : m_samples.value(connectionId))
        most = std::max(most, s.rows);
    return most > 0 && static_cast<double>(rows) > ProportionalReach * static_cast<double>(most);
}

void EtaEstimator::learn(const JobRecord &r)
{
    const qint64 rows = rowsOf(r.job);
    const QDateTime end = r.job.completeTime.isValid() ? r.job.completeTime : r.endedAt;
    if (rows <= 0 || !end.isValid())
        return;
    // The server's own file times where it gives them (both ends on its clock); else what the model saw live,
    // but only for a job it also saw importing (a job first seen sorting would make the tail look short).
    QDateTime done = rowsDoneAt(r);
    if (!done.isValid() && m_seenInRows.value(r.key()) && m_rowsDoneSeen.contains(r.key()))
        done = m_rowsDoneSeen.value(r.key());
    if (!done.isValid() || done > end)
        return;
    QHash<QString, Sample> &samples = m_samples[r.connectionId];
    if (samples.size() >= MaxSamples && !samples.contains(r.key()))
        samples.erase(samples.begin());
    samples.insert(r.key(), Sample{done.msecsTo(end) / 1000.0, rows});
}

int EtaEstimator::samples(const QString &connectionId) const
{
    return static_cast<int>(m_samples.value(connectionId).size());
}

std::optional<double> EtaEstimator::tailSeconds(const QString &connectionId, qint64 rows) const
{
    const auto it = m_samples.constFind(connectionId);
    if (it == m_samples.cend() || it->isEmpty())
        return std::nullopt;
    double seconds = 0;
    double sampleRows = 0;
    double most = 0;
    for (const Sample &s : *it) {
        seconds += s.tailSeconds;
        sampleRows += static_cast<double>(s.rows);
        most = std::max(most, static_cast<double>(s.rows));
    }
    const double count = static_cast<double>(it->size());
    if (rows <= 0 || sampleRows <= 0)
        return seconds / count;
    // Sorting and index building: a fixed part plus a part per row, fitted (least squares) to the jobs seen; with
    // one job, or all of one size, in proportion to the rows. A fixed part matters: the demo's jobs of 10,000 and
    // 26,571 rows both took 10 s, which in proportion made 4.6 M rows take half an hour.
    const double meanRows = sampleRows / count;
    const double meanSeconds = seconds / count;
    double cov = 0;
    double var = 0;
    for (const Sample &s : *it) {
        const double dr = static_cast<double>(s.rows) - meanRows;
        cov += dr * (s.tailSeconds - meanSeconds);
        var += dr * dr;
    }
    double fixed = 0;
    double perRow = seconds / sampleRows;
    if (it->size() >= 2 && var > 0) {
        const double slope = std::max(0.0, cov / var);
        if (meanSeconds - slope * meanRows >= 0) {
            perRow = slope;
            fixed = meanSeconds - slope * meanRows;
        }
    }
    // Within reach of what was seen the per-row part grows in proportion; beyond, only with the square root, as
    // nothing says the growth stays linear that far.
    const double reach = ProportionalReach * most;
    const double n = static_cast<double>(rows);
    if (n <= reach)
        return fixed + perRow * n;
    return fixed + perRow * reach * std::sqrt(n / reach);
}

QString EtaEstimator::roughNote(bool rough)
{
    return rough ? QLatin1Char(' ')
            + tr("Rough: this job has far more rows than any seen finishing on this server, so that part is a guess.")
                 : QString();
}

EtaEstimate EtaEstimator::estimate(const JobRecord &r, const QDateTime &now) const
{
    const JobProgress &j = r.job;
    if (r.expired || isTerminal(j.state))
        return {};
    switch (jobPhase(j)) {
    case JobPhase::AwaitingCommit:
        return {-1, tr("No estimate: the job waits for you to commit or abort it; it does not finish by itself.")};
    case JobPhase::Waiting:
        return {-1, tr("No estimate: the job is queued on the server and nothing moves yet.")};
    case JobPhase::Unknown:
        return {-1, tr("No estimate: the server reports a state Bulkwatch does not know.")};
    default: break;
    }
    const int n = samples(r.connectionId);
    const std::optional<double> tail = tailSeconds(r.connectionId, rowsOf(j));
    if (rowsDone(j)) {
        if (!tail)
            return {-1, tr("No estimate: all rows are in and sorting and index building follow; no job has finished on this "
                           "server while Bulkwatch watched, so there is nothing to say how long they take.")};
        // The earlier of the server's last file time and when the model saw the rows done: a job first seen
        // while sorting has been at it since its files' times, not since Bulkwatch started.
        QDateTime done = m_seenInRows.value(r.key()) ? m_rowsDoneSeen.value(r.key()) : QDateTime();
        const QDateTime files = rowsDoneAt(r);
        if (files.isValid() && (!done.isValid() || files < done))
            done = files;
        if (!done.isValid())
            return {-1, tr("No estimate: the job was already past its rows when Bulkwatch first saw it, and the server has not "
                           "said when they were done.")};
        const qint64 left = now.secsTo(done.addMSecs(qRound64(*tail * 1000)));
        if (left < 1)
            return {-1, tr("No estimate: sorting and indexing take longer than before on this server (about %1 for this many rows).")
                            .arg(JobFormatter::durationText(qRound64(*tail)))};
        return {left, tr("Sorting and building the index: about %1 on this server for this many rows (from %n finished job(s)).", nullptr, n)
                              .arg(JobFormatter::durationText(qRound64(*tail)))
                          + roughNote(extrapolated(r.connectionId, rowsOf(j)))};
    }
    // The rows phase: from the smoothed rate, counted from when the rows last moved, so it runs down between answers.
    double rowsLeft = -1;
    QDateTime anchor = r.rowsChangedAt.isValid() ? r.rowsChangedAt : r.lastChange;
    const double rate = rowsPerSecond(r);
    if (rowsKnown(j) && rate > 0) {
        rowsLeft = static_cast<double>(*j.totalRows - *j.importedRows) / rate;
    } else if (r.percentPerSecond > 0 && j.progress < 70) {
        rowsLeft = (70 - j.progress) / r.percentPerSecond; // Milvus: rows end at 70 %
        anchor = r.lastChange;
    }
    if (rowsLeft < 0 || !anchor.isValid())
        return {-1, tr("No estimate yet: it takes two answers with the rows moving to measure a rate.")};
    if (!tail)
        return {-1, tr("No estimate: the rows need about %1 more at the current rate, but sorting and index building follow and "
                       "no job has finished on this server while Bulkwatch watched to say how long they take.")
                        .arg(JobFormatter::durationText(qRound64(rowsLeft)))};
    const qint64 left = now.secsTo(anchor.addMSecs(qRound64((rowsLeft + *tail) * 1000)));
    if (left < 1)
        return {-1, tr("No estimate: the rows are slower than their recent rate; waiting for the next answer.")};
    return {left, tr("Rows: %1 at the rate since the rows started, then sorting and building the index: about %2 (from %n finished job(s) on this server).", nullptr, n)
                          .arg(JobFormatter::durationText(qRound64(rowsLeft)), JobFormatter::durationText(qRound64(*tail)))
                      + roughNote(extrapolated(r.connectionId, rowsOf(j)))};
}
