#include "AnswerMerge.h"

#include <cmath>

namespace AnswerMerge {

Delta diff(const JobProgress &before, const JobProgress &after)
{
    Delta d;
    const bool filesSame = before.files == after.files;
    d.same = filesSame && before.jobId == after.jobId && before.collectionName == after.collectionName
        && before.state == after.state && before.serverState == after.serverState
        && qFuzzyCompare(before.progress + 1, after.progress + 1)
        && before.importedRows == after.importedRows && before.totalRows == after.totalRows
        && before.fileSize == after.fileSize && before.completeTime == after.completeTime
        && before.createTime == after.createTime && before.reason == after.reason;
    if (filesSame)
        return d;
    if (before.files.size() != after.files.size()) {
        d.filesReplaced = true;
        return d;
    }
    for (int i = 0; i < after.files.size(); ++i) {
        if (before.files[i].fileName != after.files[i].fileName) {
            d.filesReplaced = true; // another order: rows are other files now
            d.changedFiles.clear();
            return d;
        }
        if (before.files[i] != after.files[i])
            d.changedFiles << i;
    }
    return d;
}

void apply(JobRecord &r, const JobProgress &fresh, bool details, const QDateTime &t)
{
    JobProgress merged = fresh;
    if (!details) {
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
        // Rows are measured since the rows last moved: a list row in between moves the progress, not the rows.
        const QDateTime rowsSince = r.rowsChangedAt.isValid() ? r.rowsChangedAt : r.lastChange;
        const double rowsDt = rowsSince.isValid() ? rowsSince.msecsTo(t) / 1000.0 : 0;
        if (rowsDt > 0.2 && merged.importedRows && r.job.importedRows && *merged.importedRows > *r.job.importedRows) {
            const double rate = (*merged.importedRows - *r.job.importedRows) / rowsDt;
            r.rowsPerSecond = r.rowsPerSecond < 0 ? rate : 0.3 * rate + 0.7 * r.rowsPerSecond;
        }
        if (dt > 0.2) {
            if (merged.progress > r.job.progress) {
                const double rate = (merged.progress - r.job.progress) / dt;
                r.percentPerSecond = r.percentPerSecond < 0 ? rate : 0.3 * rate + 0.7 * r.percentPerSecond;
            }
        }
    }
    if (moved || !r.lastChange.isValid())
        r.lastChange = t;
    if (merged.importedRows != r.job.importedRows || !r.rowsChangedAt.isValid())
        r.rowsChangedAt = t;
    if (isTerminal(merged.state) && (!isTerminal(r.job.state) || !r.endedAt.isValid()))
        r.endedAt = merged.completeTime.isValid() ? merged.completeTime : (isTerminal(r.job.state) ? QDateTime() : t);
    r.job = merged;
    if (details)
        r.filesLoaded = true; // a describe carries the whole list
    ++r.generation;
    r.hasDetails = r.hasDetails || details;
    r.lastAnswer = t;
    if (!r.firstSeen.isValid())
        r.firstSeen = t;
    if (r.expired) {
        r.expired = false; // it answered: not expired after all
        r.expiredAt = {};
    }
}

std::optional<JobProgress> fromSummary(const JobRecord &r, const JobSummary &s)
{
    const bool stateChanged = r.job.state != s.state || r.job.serverState != s.serverState || r.expired;
    const bool progressChanged = s.progress && std::abs(*s.progress - r.job.progress) > 0.001;
    if (!stateChanged && !progressChanged && r.job.reason == s.reason)
        return std::nullopt;
    JobProgress job = r.job;
    job.state = s.state;
    job.serverState = s.serverState;
    if (s.progress)
        job.progress = *s.progress;
    if (!s.reason.isEmpty())
        job.reason = s.reason;
    if (s.collectionName)
        job.collectionName = s.collectionName;
    return job;
}

JobRecord recordFromSummary(const QString &connectionId, const JobSummary &s, const QDateTime &now)
{
    JobRecord r;
    r.connectionId = connectionId;
    r.job.jobId = s.jobId;
    r.job.collectionName = s.collectionName;
    r.job.state = s.state;
    r.job.serverState = s.serverState;
    r.job.progress = s.progress.value_or(s.state == JobState::Completed ? 100 : 0);
    r.job.reason = s.reason;
    r.firstSeen = now;
    r.lastAnswer = now;
    r.lastChange = now;
    r.notifiedState = jobStateName(s.state); // found already in this state: nothing to announce
    return r;
}

} // namespace AnswerMerge
