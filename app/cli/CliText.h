#pragma once
// What the command line prints about jobs, on top of JobFormatter: the same words the window uses for a failed job
// (nothing kept, file names instead of Milvus' raw entries, the row ratio instead of the banded percentage).

#include "ImportTypes.h"

#include <QJsonObject>
#include <QVector>

namespace CliText {

// A server's reason for people: legacy `id:… paths:"…"` entries as file names, byte counts with units.
QString reason(const QString &raw);
// `status`: JobFormatter's text, with the file table of a failed job as final (not imported, no completion).
QString status(const JobProgress &job);
QString list(const QVector<JobSummary> &jobs);
// One `watch` line: the row ratio where rows are known; a failed job kept nothing, so no rows as if imported.
QString watchLine(const JobProgress &job);
// `status --json` / `watch --json`: the server's fields as sent, except that a file of a failed job that did not
// fail itself has "state":"notKept" (its serverState and progress stay the server's).
QJsonObject json(const JobProgress &job);

} // namespace CliText
