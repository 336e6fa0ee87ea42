#include "JobEta.h"

#include "JobFormatter.h"

#include <QCoreApplication>
#include <algorithm>

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
        if (rowsDone(r.job)) {
            if (!m_rowsDoneSeen.contains(key))
                m_rowsDoneSeen.insert(key, now);
        } else if (jobPhase(r.job) == JobPhase::Importing || jobPhase(r.job) == JobPhase::Reading) {
            m_seenInRows.insert(key, true);
            m_rowsDoneSeen.remove(key); // rows moving again (a retried task): the tail starts later
        }
        return;
    }
    if (r.job.state == JobState::Completed)
        learn(r);
    m_seenInRows.remove(key);
    m_rowsDoneSeen.remove(key);
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
    for (const Sample &s : *it) {
        seconds += s.tailSeconds;
        sampleRows += static_cast<double>(s.rows);
    }
    // Sorting and index building grow with the rows: seconds per row over all samples, times this job's rows.
    if (rows <= 0 || sampleRows <= 0)
        return seconds / static_cast<double>(it->size());
    return seconds / sampleRows * static_cast<double>(rows);
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
                          .arg(JobFormatter::durationText(qRound64(*tail)))};
    }
    // The rows phase: from the smoothed rate, counted from when the rows last moved, so it runs down between answers.
    double rowsLeft = -1;
    QDateTime anchor = r.rowsChangedAt.isValid() ? r.rowsChangedAt : r.lastChange;
    if (rowsKnown(j) && r.rowsPerSecond > 0) {
        rowsLeft = static_cast<double>(*j.totalRows - *j.importedRows) / r.rowsPerSecond;
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
    return {left, tr("Rows: %1 at the smoothed rate, then sorting and building the index: about %2 (from %n finished job(s) on this server).", nullptr, n)
                      .arg(JobFormatter::durationText(qRound64(rowsLeft)), JobFormatter::durationText(qRound64(*tail)))};
}
