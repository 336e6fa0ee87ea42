#pragma once
// Phase 6 of bulkwatch-bench: parse throughput of a describe answer (1,024 and 10,000 files) on the path answers
// really take, beside the QJsonDocument reference and Python's json.loads of the same bytes, in one run.

#include <QJsonObject>
#include <QString>

namespace ParseBench {

// Median of `rounds` rounds of about `roundMs` each, per figure; rounds of the three parsers interleave so
// that load from other processes falls on all of them alike. tmpDir holds the bodies for Python.
QJsonObject measure(const QString &tmpDir, int rounds = 5, int roundMs = 600);

} // namespace ParseBench
