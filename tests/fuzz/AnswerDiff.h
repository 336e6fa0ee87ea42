#pragma once
// Exact comparison of two parsed answers (the simdjson path against the QJsonDocument reference): every typed
// value, bit for bit, and every part of the error. Returns the first difference in words, or "" when equal.
// Shared by tst_responseparser and the differential fuzz target.

#include "ResponseParser.h"

#include <QDateTime>
#include <QString>
#include <cstring>
#include <optional>

namespace AnswerDiff {

inline QString show(const QString &s) { return QLatin1Char('"') + s + QLatin1Char('"'); }
inline QString show(double d) { return QString::number(d, 'g', 17); }
inline QString show(qint64 i) { return QString::number(i); }
inline QString show(bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); }
inline QString show(int i) { return QString::number(i); }
inline QString show(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) + QStringLiteral(" spec ") + QString::number(int(t.timeSpec())) : QStringLiteral("invalid");
}
template<typename T>
QString show(const std::optional<T> &o)
{
    return o ? show(*o) : QStringLiteral("none");
}

inline bool same(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
inline bool same(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid())
        return false;
    return !a.isValid() || (a.toMSecsSinceEpoch() == b.toMSecsSinceEpoch() && a.timeSpec() == b.timeSpec());
}
inline bool same(const std::optional<double> &a, const std::optional<double> &b)
{
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}
template<typename T>
bool same(const T &a, const T &b)
{
    return a == b;
}

#define ANSWERDIFF_FIELD(where, a, b, f)                                                                              \
    do {                                                                                                              \
        if (!AnswerDiff::same((a).f, (b).f))                                                                          \
            return QString(where) + QStringLiteral("." #f ": ") + AnswerDiff::show((a).f) + QStringLiteral(" vs ")    \
                + AnswerDiff::show((b).f);                                                                            \
    } while (false)

inline QString error(const Envelope &a, const Envelope &b)
{
    ANSWERDIFF_FIELD(QStringLiteral("envelope"), a, b, isJsonObject);
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, kindName());
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, httpStatus);
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, code);
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, message);
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, path);
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, retryable);
    ANSWERDIFF_FIELD(QStringLiteral("error"), a.error, b.error, retryAfterMs);
    return {};
}

inline QString file(const FileProgress &a, const FileProgress &b, const QString &where)
{
    ANSWERDIFF_FIELD(where, a, b, fileName);
    ANSWERDIFF_FIELD(where, a, b, fileSize);
    if (int(a.state) != int(b.state))
        return QString(where) + QStringLiteral(".state: %1 vs %2").arg(int(a.state)).arg(int(b.state));
    ANSWERDIFF_FIELD(where, a, b, serverState);
    ANSWERDIFF_FIELD(where, a, b, progress);
    ANSWERDIFF_FIELD(where, a, b, importedRows);
    ANSWERDIFF_FIELD(where, a, b, totalRows);
    ANSWERDIFF_FIELD(where, a, b, completeTime);
    ANSWERDIFF_FIELD(where, a, b, reason);
    return {};
}

inline QString progress(const ProgressAnswer &a, const ProgressAnswer &b)
{
    if (QString e = error(a.envelope, b.envelope); !e.isEmpty())
        return e;
    const JobProgress &x = a.job, &y = b.job;
    const QString w = QStringLiteral("job");
    ANSWERDIFF_FIELD(w, x, y, jobId);
    ANSWERDIFF_FIELD(w, x, y, collectionName);
    if (int(x.state) != int(y.state))
        return QString(w) + QStringLiteral(".state: %1 vs %2").arg(int(x.state)).arg(int(y.state));
    ANSWERDIFF_FIELD(w, x, y, serverState);
    ANSWERDIFF_FIELD(w, x, y, progress);
    ANSWERDIFF_FIELD(w, x, y, importedRows);
    ANSWERDIFF_FIELD(w, x, y, totalRows);
    ANSWERDIFF_FIELD(w, x, y, fileSize);
    ANSWERDIFF_FIELD(w, x, y, completeTime);
    ANSWERDIFF_FIELD(w, x, y, createTime);
    ANSWERDIFF_FIELD(w, x, y, reason);
    if (x.files.size() != y.files.size())
        return QStringLiteral("job.files: %1 vs %2").arg(x.files.size()).arg(y.files.size());
    for (qsizetype i = 0; i < x.files.size(); ++i) {
        if (QString e = file(x.files[i], y.files[i], QStringLiteral("file %1").arg(i)); !e.isEmpty())
            return e;
    }
    return {};
}

inline QString list(const ListAnswer &a, const ListAnswer &b)
{
    if (QString e = error(a.envelope, b.envelope); !e.isEmpty())
        return e;
    const QString w = QStringLiteral("page");
    ANSWERDIFF_FIELD(w, a.page, b.page, count);
    ANSWERDIFF_FIELD(w, a.page, b.page, pageSize);
    ANSWERDIFF_FIELD(w, a.page, b.page, currentPage);
    if (a.page.jobs.size() != b.page.jobs.size())
        return QStringLiteral("page.jobs: %1 vs %2").arg(a.page.jobs.size()).arg(b.page.jobs.size());
    for (qsizetype i = 0; i < a.page.jobs.size(); ++i) {
        const JobSummary &x = a.page.jobs[i], &y = b.page.jobs[i];
        const QString where = QStringLiteral("record %1").arg(i);
        ANSWERDIFF_FIELD(where, x, y, jobId);
        ANSWERDIFF_FIELD(where, x, y, collectionName);
        if (int(x.state) != int(y.state))
            return QString(where) + QStringLiteral(".state: %1 vs %2").arg(int(x.state)).arg(int(y.state));
        ANSWERDIFF_FIELD(where, x, y, serverState);
        ANSWERDIFF_FIELD(where, x, y, progress);
        ANSWERDIFF_FIELD(where, x, y, reason);
    }
    return {};
}

#undef ANSWERDIFF_FIELD

} // namespace AnswerDiff
