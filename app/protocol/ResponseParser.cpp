#include "ResponseParser.h"
#include "ResponseParserDetail.h"

#include <QHash>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace ResponseParser {

std::optional<qint64> toInt64(const QJsonValue &v)
{
    if (v.isDouble())
        return detail::int64FromNumber(v.toDouble());
    if (v.isString())
        return detail::int64FromString(v.toString());
    return std::nullopt;
}

namespace detail {

std::optional<qint64> int64FromNumber(double d)
{
    if (!std::isfinite(d) || std::fabs(d) > 9.2e18)
        return std::nullopt;
    return static_cast<qint64>(std::llround(d));
}

std::optional<double> doubleFromNumber(double d)
{
    return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

QString textFromNumber(double d)
{
    if (std::floor(d) == d && std::fabs(d) < 9e15)
        return QString::number(static_cast<qint64>(d));
    return QString::number(d, 'g', 17);
}

std::optional<qint64> int64FromString(const QString &text)
{
    const QString s = text.trimmed();
    bool ok = false;
    const qint64 i = s.toLongLong(&ok);
    if (ok)
        return i;
    const double d = s.toDouble(&ok);
    if (ok && std::isfinite(d) && std::fabs(d) < 9.2e18)
        return static_cast<qint64>(std::llround(d));
    return std::nullopt;
}

std::optional<double> doubleFromString(const QString &text)
{
    bool ok = false;
    QString s = text.trimmed();
    if (s.endsWith(QLatin1Char('%')))
        s.chop(1);
    const double d = s.toDouble(&ok);
    if (ok && std::isfinite(d))
        return d;
    return std::nullopt;
}

} // namespace detail

std::optional<double> toDouble(const QJsonValue &v)
{
    if (v.isDouble())
        return detail::doubleFromNumber(v.toDouble());
    if (v.isString())
        return detail::doubleFromString(v.toString());
    return std::nullopt;
}

QString toText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return detail::textFromNumber(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

std::optional<QString> toOptionalText(const QJsonValue &v)
{
    const QString s = toText(v);
    if (s.isEmpty())
        return std::nullopt;
    return s;
}

static inline ushort unit(QChar c) { return c.unicode(); }
static inline ushort unit(char c) { return static_cast<unsigned char>(c); }
static inline bool isDigit(QChar c) { return c.isDigit(); }
static inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
template<typename Char> static inline Char lit(char c);
template<> inline QChar lit<QChar>(char c) { return QLatin1Char(c); }
template<> inline char lit<char>(char c) { return c; }

// RFC 3339 without Qt's general parser: "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)" is what servers send,
// thousands of times per answer. Returns false for anything else (then Qt's parser has a go).
// Written once for UTF-16 (QString) and for the UTF-8 bytes simdjson hands out (ASCII only: any other byte
// fails the pattern, and the QString path then decides, so both give the same answer).
template<typename Char>
static bool fastRfc3339(const Char *c, qsizetype n, qint64 *msecs)
{
    if (n < 20)
        return false;
    const auto digits = [&](qsizetype at, int count, int *out) {
        int v = 0;
        for (int i = 0; i < count; ++i) {
            const ushort d = static_cast<ushort>(unit(c[at + i]) - '0');
            if (d > 9)
                return false;
            v = v * 10 + d;
        }
        *out = v;
        return true;
    };
    int y, mo, d, h, mi, se;
    if (!digits(0, 4, &y) || c[4] != lit<Char>('-') || !digits(5, 2, &mo) || c[7] != lit<Char>('-') || !digits(8, 2, &d)
        || (c[10] != lit<Char>('T') && c[10] != lit<Char>('t') && c[10] != lit<Char>(' ')) || !digits(11, 2, &h)
        || c[13] != lit<Char>(':') || !digits(14, 2, &mi) || c[16] != lit<Char>(':') || !digits(17, 2, &se))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return false;
    qsizetype i = 19;
    int ms = 0;
    if (i < n && c[i] == lit<Char>('.')) {
        ++i;
        int scale = 100;
        while (i < n && isDigit(c[i])) {
            ms += (unit(c[i]) - '0') * scale;
            scale /= 10;
            ++i;
        }
    }
    int offsetMin = 0;
    if (i < n && (c[i] == lit<Char>('Z') || c[i] == lit<Char>('z'))) {
        ++i;
    } else if (i + 6 <= n && (c[i] == lit<Char>('+') || c[i] == lit<Char>('-')) && c[i + 3] == lit<Char>(':')) {
        int oh, om;
        if (!digits(i + 1, 2, &oh) || !digits(i + 4, 2, &om))
            return false;
        offsetMin = (oh * 60 + om) * (c[i] == lit<Char>('-') ? -1 : 1);
        i += 6;
    } else {
        return false;
    }
    if (i != n)
        return false;
    // Days from the civil date (H. Hinnant's algorithm).
    const int yy = y - (mo <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = qint64(era) * 146097 + doe - 719468;
    *msecs = ((days * 24 + h) * 60 + mi - offsetMin) * 60000LL + se * 1000LL + ms;
    return true;
}

// UTC as a QTimeZone that every supported Qt has (QTimeZone::utc() is 6.5+; the Qt::TimeSpec overloads are
// deprecated in 6.8). toUTC() keeps what callers see as before: timeSpec() == Qt::UTC.
static QDateTime utcFromMSecs(qint64 msecs)
{
    static const QTimeZone utc(0);
    // Every answer has thousands of times: copying a UTC epoch and moving it is four times cheaper than building
    // a QDateTime through a QTimeZone, with the same result (same instant, Qt::UTC); kept to +-31,000 years,
    // beyond which the general path decides.
    static const QDateTime epoch = QDateTime::fromMSecsSinceEpoch(0, utc).toUTC();
    if (msecs > -1000000000000000LL && msecs < 1000000000000000LL) {
        QDateTime t = epoch;
        t.setMSecsSinceEpoch(msecs);
        return t;
    }
    return QDateTime::fromMSecsSinceEpoch(msecs, utc).toUTC();
}

QDateTime toUtcTime(const QJsonValue &v)
{
    if (v.isDouble()) {
        // Epoch seconds or milliseconds, seen in some gateways.
        const qint64 n = v.toVariant().toLongLong();
        if (n <= 0)
            return {};
        return utcFromMSecs(n > 100000000000LL ? n : n * 1000);
    }
    return detail::timeFromString(v.toString());
}

namespace detail {

void finishJob(JobProgress &job, bool hasTopLevelFile, const QString &topLevelFileName)
{
    if (job.files.isEmpty() && hasTopLevelFile) {
        // Old single-file answers have the file only at the top level.
        FileProgress f;
        f.fileName = topLevelFileName;
        f.fileSize = job.fileSize;
        f.progress = job.progress;
        f.completeTime = job.completeTime;
        f.reason = job.reason;
        f.state = job.state == JobState::Completed ? FileState::Completed
            : job.state == JobState::Failed        ? FileState::Failed
            : job.state == JobState::Pending       ? FileState::Pending
                                                   : FileState::Running;
        if (!f.fileName.isEmpty())
            job.files.append(f);
    }
    if (job.state == JobState::Completed)
        job.progress = 100;
}

bool fastRfc3339Utf8(const char *text, qsizetype size, qint64 *msecs)
{
    return fastRfc3339(text, size, msecs);
}

QDateTime timeFromMSecs(qint64 msecs)
{
    return utcFromMSecs(msecs);
}

QDateTime timeFromString(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty())
        return {};
    qint64 msecs;
    if (fastRfc3339(s.constData(), s.size(), &msecs))
        return utcFromMSecs(msecs);
    // Qt reads at most milliseconds: cut nanoseconds (Go's RFC 3339Nano) down to three digits.
    static const QRegularExpression frac(QStringLiteral("(\\.\\d{3})\\d+"));
    s.replace(frac, QStringLiteral("\\1"));
    s.replace(QLatin1Char(' '), QLatin1Char('T'));
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), QTimeZone(0)); // no offset given: servers mean UTC
    return t.toUTC();
}

} // namespace detail

double clampPercent(double p)
{
    if (!std::isfinite(p))
        return 0;
    return std::clamp(p, 0.0, 100.0);
}

static std::optional<qint64> envelopeCode(const QJsonObject &o)
{
    const QJsonValue c = o.value(QLatin1String("code"));
    if (c.isUndefined() || c.isNull())
        return std::nullopt;
    return toInt64(c);
}

Envelope parseEnvelope(int httpStatus, const QByteArray &body, const QString &path)
{
    Envelope env;
    env.error.path = path;
    env.error.httpStatus = httpStatus;
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    const bool http2xx = httpStatus >= 200 && httpStatus < 300;
    if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
        if (http2xx) {
            env.error.kind = ErrorKind::Malformed;
            env.error.message = body.trimmed().isEmpty()
                ? QStringLiteral("empty answer where JSON was expected")
                : QStringLiteral("answer is not JSON (%1 at byte %2)").arg(perr.errorString()).arg(perr.offset);
        } else {
            env.error.kind = classifyError(httpStatus, std::nullopt, {});
            // Show the start of a non-JSON error body (an HTML page from a proxy), never all of it.
            QString text = QString::fromUtf8(body.left(300)).simplified();
            static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
            text.remove(tags);
            env.error.message = text.simplified().left(200);
            if (env.error.message.isEmpty())
                env.error.message = QStringLiteral("the server answered HTTP %1 with no body").arg(httpStatus);
        }
        env.error.retryable = isRetryableKind(env.error.kind);
        return env;
    }
    env.isJsonObject = true;
    const QJsonObject o = doc.object();
    env.rawData = o.value(QLatin1String("data"));
    env.data = env.rawData.toObject();
    const std::optional<qint64> code = envelopeCode(o);
    const QString message = toText(o.value(QLatin1String("message")));
    const bool codeOk = !code || *code == 0 || *code == 200;
    // A "0" code with a message and no data is an error in disguise (one cloud doc shows exactly that).
    const bool disguisedError = code && *code == 0 && !message.isEmpty() && !o.contains(QLatin1String("data"))
        && message.compare(QLatin1String("success"), Qt::CaseInsensitive) != 0
        && message.compare(QLatin1String("ok"), Qt::CaseInsensitive) != 0;
    if (http2xx && codeOk && !disguisedError) {
        if (!code && !o.contains(QLatin1String("data"))) {
            env.error.kind = ErrorKind::Malformed;
            env.error.message = QStringLiteral("answer has neither \"code\" nor \"data\"");
            env.error.retryable = true;
        }
        return env;
    }
    env.error.code = (code && !codeOk) ? code : std::nullopt;
    env.error.message = message;
    env.error.kind = classifyError(http2xx ? 0 : httpStatus, env.error.code, message);
    env.error.retryable = isRetryableKind(env.error.kind);
    // A request the server rejects as invalid will be rejected again: retrying cannot help.
    const bool invalidRequest = (env.error.code && (*env.error.code == 1801 || *env.error.code == 1802 || *env.error.code == 1100))
        || (httpStatus >= 400 && httpStatus < 500);
    if (env.error.kind == ErrorKind::Server && invalidRequest)
        env.error.retryable = false;
    if (env.error.message.isEmpty())
        env.error.message = QStringLiteral("the server reported an error without a message");
    return env;
}

static QJsonValue field(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name));
}


// A thousand files share a handful of state words: keep one copy of each (implicitly shared, also across
// threads), not a thousand allocations per answer. Per thread, bounded.
QString detail::sharedText(const QString &text)
{
    thread_local QHash<QString, QString> seen;
    const auto it = seen.constFind(text);
    if (it != seen.constEnd())
        return *it;
    if (seen.size() < 64)
        seen.insert(text, text);
    return text;
}

static FileProgress parseFile(const QJsonObject &f, Dialect dialect, bool parentV1Percent)
{
    FileProgress file;
    file.fileName = toText(field(f, "fileName"));
    if (file.fileName.isEmpty())
        file.fileName = toText(field(f, "filePath"));
    file.fileSize = toInt64(field(f, "fileSize"));
    file.importedRows = toInt64(field(f, "importedRows"));
    file.totalRows = toInt64(field(f, "totalRows"));
    file.completeTime = toUtcTime(field(f, "completeTime"));
    file.reason = toText(field(f, "reason"));
    if (file.reason.isEmpty())
        file.reason = toText(field(f, "errorMessage"));
    if (dialect == Dialect::CloudV1 || f.contains(QLatin1String("readyPercentage"))) {
        const double frac = toDouble(field(f, "readyPercentage")).value_or(0);
        file.progress = clampPercent(parentV1Percent && frac > 1 ? frac : frac * 100);
        file.serverState = detail::sharedText(toText(field(f, "state")));
        if (!file.reason.isEmpty())
            file.state = FileState::Failed;
        else if (file.progress >= 100)
            file.state = FileState::Completed;
        else
            file.state = FileState::Running;
    } else {
        file.progress = clampPercent(toDouble(field(f, "progress")).value_or(0));
        file.serverState = detail::sharedText(toText(field(f, "state")));
        file.state = fileStateFromServer(file.serverState);
        if (file.state == FileState::Unknown && file.serverState.isEmpty() && !file.reason.isEmpty())
            file.state = FileState::Failed;
    }
    return file;
}

JobProgress parseProgress(const QJsonObject &d, Dialect dialect)
{
    JobProgress job;
    job.jobId = toText(field(d, "jobId"));
    if (job.jobId.isEmpty())
        job.jobId = toText(field(d, "jobID"));
    job.collectionName = toOptionalText(field(d, "collectionName"));
    job.fileSize = toInt64(field(d, "fileSize"));
    job.importedRows = toInt64(field(d, "importedRows"));
    job.totalRows = toInt64(field(d, "totalRows"));
    job.completeTime = toUtcTime(field(d, "completeTime"));
    job.createTime = toUtcTime(field(d, "createTime"));
    job.reason = toText(field(d, "reason"));
    if (job.reason.isEmpty())
        job.reason = toText(field(d, "errorMessage"));
    job.serverState = toText(field(d, "state"));

    const bool v1 = dialect == Dialect::CloudV1 || (d.contains(QLatin1String("readyPercentage")) && !d.contains(QLatin1String("progress")));
    if (v1) {
        const double frac = toDouble(field(d, "readyPercentage")).value_or(0);
        job.progress = clampPercent(frac * 100);
        job.state = job.serverState.isEmpty() ? JobState::Unknown : jobStateFromServer(job.serverState);
        if (job.state == JobState::Unknown) {
            // v1 progress carries no state: derive it.
            if (!job.reason.isEmpty())
                job.state = JobState::Failed;
            else if (frac >= 1)
                job.state = JobState::Completed;
            else
                job.state = JobState::Running;
        }
    } else {
        job.progress = clampPercent(toDouble(field(d, "progress")).value_or(0));
        job.state = jobStateFromServer(job.serverState);
    }

    const QJsonArray details = field(d, "details").toArray();
    job.files.reserve(details.size());
    for (const QJsonValue &v : details) {
        if (v.isObject())
            job.files.append(parseFile(v.toObject(), v1 ? Dialect::CloudV1 : Dialect::V2, false));
    }
    detail::finishJob(job, d.contains(QLatin1String("fileName")), toText(field(d, "fileName")));
    return job;
}

ListPage parseList(const QJsonObject &d, Dialect dialect)
{
    ListPage page;
    page.count = toInt64(field(d, "count"));
    page.pageSize = toInt64(field(d, "pageSize"));
    page.currentPage = toInt64(field(d, "currentPage"));
    QJsonArray records = field(d, "records").toArray();
    if (records.isEmpty())
        records = field(d, "tasks").toArray();
    page.jobs.reserve(records.size());
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        JobSummary s;
        s.jobId = toText(r.value(QLatin1String("jobId")));
        if (s.jobId.isEmpty())
            s.jobId = toText(r.value(QLatin1String("jobID")));
        if (s.jobId.isEmpty())
            continue;
        s.collectionName = toOptionalText(r.value(QLatin1String("collectionName")));
        s.serverState = toText(r.value(QLatin1String("state")));
        s.state = jobStateFromServer(s.serverState);
        s.reason = toText(r.value(QLatin1String("reason")));
        if (s.reason.isEmpty())
            s.reason = toText(r.value(QLatin1String("errorMessage")));
        if (r.contains(QLatin1String("progress"))) {
            if (auto p = toDouble(r.value(QLatin1String("progress"))))
                s.progress = clampPercent(*p);
        } else if (r.contains(QLatin1String("readyPercentage")) || dialect == Dialect::CloudV1) {
            if (auto p = toDouble(r.value(QLatin1String("readyPercentage"))))
                s.progress = clampPercent(*p * 100);
        }
        if (s.state == JobState::Completed)
            s.progress = 100;
        page.jobs.append(s);
    }
    return page;
}

QString parseCreatedJobId(const QJsonObject &d)
{
    QString id = toText(d.value(QLatin1String("jobId")));
    if (id.isEmpty())
        id = toText(d.value(QLatin1String("jobID")));
    return id;
}

} // namespace ResponseParser

namespace ResponseParser {

ProgressAnswer parseProgressAnswerReference(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect)
{
    ProgressAnswer a;
    a.envelope = parseEnvelope(httpStatus, body, path);
    if (!a.envelope.error.isError())
        a.job = parseProgress(a.envelope.data, dialect);
    a.envelope.data = {};
    a.envelope.rawData = {};
    return a;
}

ListAnswer parseListAnswerReference(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect)
{
    ListAnswer a;
    a.envelope = parseEnvelope(httpStatus, body, path);
    if (!a.envelope.error.isError())
        a.page = parseList(a.envelope.data, dialect);
    a.envelope.data = {};
    a.envelope.rawData = {};
    return a;
}

} // namespace ResponseParser
