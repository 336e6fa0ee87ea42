#pragma once
// What Bulkwatch knows of one job: the last good answer plus what it observed itself
// (when it first saw the job, when it last moved, whether the server has forgotten it).

#include "ApiError.h"
#include "CollectionState.h"
#include "ImportTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>

struct JobRecord
{
    QString connectionId;
    JobProgress job;          // the last good state; never replaced by an error
    bool hasDetails = false;  // a describe answered (a list summary alone has no files)
    bool addedByHand = false;
    QDateTime firstSeen;      // UTC, when Bulkwatch first saw it (older servers give no start time)
    QDateTime lastAnswer;     // UTC, last successful answer about it
    QDateTime lastChange;     // UTC, when its state or progress last moved
    QDateTime rowsChangedAt;  // UTC, when its row count last moved (not stored: the row rate restarts with the app)
    QDateTime endedAt;        // UTC, completion time or when Bulkwatch saw it end
    bool expired = false;     // the server no longer knows it
    QDateTime expiredAt;
    ApiError lastError;       // the last failed poll of this job (kind None once one succeeds again)
    double rowsPerSecond = -1; // smoothed; < 0 when unknown
    double percentPerSecond = -1;
    QString notifiedState;    // the last state a notification was shown for (no repeats across restarts)
    QJsonObject createParams; // what Bulkwatch created it with (never bucket keys), for Retry
    // Read from the history without its file list (loaded when first needed); storedFileCount says how many.
    bool filesLoaded = true;
    int storedFileCount = 0;
    // After the import (issue 16): its collection's indexes, load state and row count, while followed (not stored:
    // followed again after a restart while the job ended recently).
    CollectionState collection;
    CollectionPhase collectionAnnounced = CollectionPhase::None; // the last step announced (each step once)
    // Honest ends: aborted from Bulkwatch (the server then says Failed, with a fixed reason); the first end seen,
    // so a state that moves backwards and ends again is not announced a second time.
    bool abortedHere = false;
    JobState endedAs = JobState::Unknown;
    // Changes with every update of job: an answer diffed against an older state is diffed again (not trusted).
    quint64 generation = 0;

    QString key() const { return keyOf(connectionId, job.jobId); }
    static QString keyOf(const QString &connectionId, const QString &jobId) { return connectionId + QLatin1Char('\n') + jobId; }
    // The state a user sees: the server's, or expired when it has forgotten the job.
    JobState displayState() const { return expired ? JobState::Expired : job.state; }
    // Failed because Bulkwatch aborted it: shown as Aborted ("aborted"), not as a failure.
    bool aborted() const { return abortedHere && (job.state == JobState::Failed || job.state == JobState::Cancelled); }
    QString endName() const { return aborted() ? QStringLiteral("aborted") : jobStateName(displayState()); }
    // When the server will forget it (its end plus the connection's retention); invalid while it has not ended.
    QDateTime forgottenAt(qint64 retentionSeconds) const { return endedAt.isValid() ? endedAt.addSecs(retentionSeconds) : QDateTime(); }
    // Seconds to completion, or < 0 where any number would be a guess (sorting, index building, waiting).
    qint64 etaSeconds() const;
    // Seconds since the job last moved, while it is not terminal; < 0 otherwise.
    qint64 stalledSeconds(const QDateTime &now) const;
    qint64 durationSeconds(const QDateTime &now) const;
};
Q_DECLARE_METATYPE(JobRecord)
