#pragma once
// Shared by the two implementations of ResponseParser (QJsonDocument and simdjson), so that the quirks of a
// string-typed field are handled by one piece of code whichever parser found the string. Not for other layers.

#include "ImportTypes.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace ResponseParser::detail {

// The number branches of toInt64, toDouble and toText: a JSON number as the double QJsonValue holds.
std::optional<qint64> int64FromNumber(double d);
std::optional<double> doubleFromNumber(double d);
QString textFromNumber(double d);
std::optional<qint64> int64FromString(const QString &text);   // the string branch of toInt64
std::optional<double> doubleFromString(const QString &text);  // the string branch of toDouble ("45", "45%")
QDateTime timeFromString(const QString &text);                // the string branch of toUtcTime
QDateTime timeFromMSecs(qint64 msecs);                        // UTC, as toUtcTime returns it
// The exact-pattern RFC 3339 reader over ASCII bytes; false for anything else (timeFromString then decides).
bool fastRfc3339Utf8(const char *text, qsizetype size, qint64 *msecs);
// Whether this thread's last parseProgressAnswer / parseListAnswer went to the reference (tests check that a
// plain answer takes the fast path, so a regression cannot hide behind the identical results).
bool lastAnswerUsedReference();
// One shared copy of each of the few state words per thread.
QString sharedText(const QString &text);

// The last steps of a describe, whichever parser read it: an old single-file answer (no file list, the file named
// at the top level: hasTopLevelFile) gets its one file from the job's own fields, and a completed job is at 100 %.
void finishJob(JobProgress &job, bool hasTopLevelFile, const QString &topLevelFileName);

} // namespace ResponseParser::detail
