#include "JobRecord.h"

qint64 JobRecord::etaSeconds() const
{
    if (expired || isTerminal(job.state) || phaseHasNoEta(jobPhase(job)))
        return -1;
    if (job.totalRows && job.importedRows && rowsPerSecond > 0) {
        const qint64 left = *job.totalRows - *job.importedRows;
        // Rows end at 70 %; sorting and indexing follow with no measurable rate: the ETA covers the rows only.
        return left > 0 ? static_cast<qint64>(left / rowsPerSecond) : -1;
    }
    if (percentPerSecond > 0 && job.progress < 70)
        return static_cast<qint64>((70 - job.progress) / percentPerSecond);
    return -1;
}

qint64 JobRecord::stalledSeconds(const QDateTime &now) const
{
    if (expired || isTerminal(job.state) || !lastChange.isValid())
        return -1;
    return lastChange.secsTo(now);
}

qint64 JobRecord::durationSeconds(const QDateTime &now) const
{
    const QDateTime start = job.createTime.isValid() ? job.createTime : firstSeen;
    if (!start.isValid())
        return -1;
    QDateTime end = now;
    if (isTerminal(job.state) || expired)
        end = job.completeTime.isValid() ? job.completeTime : (endedAt.isValid() ? endedAt : lastAnswer);
    return std::max<qint64>(0, start.secsTo(end));
}
