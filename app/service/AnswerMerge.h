#pragma once
// Merging the server's answers into what Bulkwatch knows of a job: pure functions of (record, answer, time), so
// they can be tested without a server and diffed off the GUI thread.

#include "JobRecord.h"

#include <QVector>
#include <optional>

namespace AnswerMerge {

// What a describe answer changes, computed against the state it was diffed with.
struct Delta
{
    bool same = false;          // nothing moved: no signal, no model update, no history write
    bool filesReplaced = false; // the file list changed shape (count or order): views reset
    QVector<int> changedFiles;  // else: the rows whose file changed
};
Delta diff(const JobProgress &before, const JobProgress &after);

// Takes a fresh state into the record: smoothed rates, last change, end time, expiry undone. `details` is true
// for a describe (files, rows), false for a list summary (which has neither: the last describe's are kept).
void apply(JobRecord &r, const JobProgress &fresh, bool details, const QDateTime &now);

// A list summary of a job already known: the state it implies, or nullopt when it says nothing new.
std::optional<JobProgress> fromSummary(const JobRecord &r, const JobSummary &s);
// A job first seen in a list.
JobRecord recordFromSummary(const QString &connectionId, const JobSummary &s, const QDateTime &now);

} // namespace AnswerMerge
