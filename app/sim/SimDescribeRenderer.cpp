#include "SimDescribeRenderer.h"

#include "SimServer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace SimJson {
void appendString(QByteArray &out, const QString &s)
{
    // Plain ASCII is written as is; anything QJsonDocument might escape (quotes, backslashes, control
    // characters, non-ASCII) is left to it, so both paths give the same bytes.
    const QChar *c = s.constData();
    const qsizetype n = s.size();
    bool plain = true;
    for (qsizetype i = 0; i < n && plain; ++i) {
        const char16_t u = c[i].unicode();
        plain = u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\';
    }
    if (!plain) {
        const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact); // ["…"]
        out.append(a.constData() + 1, a.size() - 2);
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + n + 2);
    char *p = out.data() + at;
    *p++ = '"';
    for (qsizetype i = 0; i < n; ++i)
        *p++ = static_cast<char>(c[i].unicode());
    *p = '"';
}

void appendInt(QByteArray &out, qint64 v)
{
    char buf[24];
    char *end = buf + sizeof buf, *p = end;
    // Through the unsigned magnitude: -INT64_MIN does not fit.
    quint64 m = v < 0 ? 0 - static_cast<quint64>(v) : static_cast<quint64>(v);
    do {
        *--p = static_cast<char>('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        *--p = '-';
    out.append(p, end - p);
}
} // namespace SimJson

using SimJson::appendInt;
using SimJson::appendString;

namespace {
void appendTwo(QByteArray &out, int v)
{
    const char d[2] = {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
    out.append(d, 2);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}

const char *fileStateWord(int state, bool milvus)
{
    switch (state) {
    case SimFileStatus::Pending: return "Pending";
    case SimFileStatus::InProgress: return milvus ? "InProgress" : "Importing";
    case SimFileStatus::Completed: return "Completed";
    case SimFileStatus::Failed: return "Failed";
    default: break;
    }
    return "";
}
} // namespace

SimDescribeRenderer::SimDescribeRenderer(SimDialect dialect, const SimEngine *engine)
    : m_dialect(dialect), m_engine(engine), m_startMs(engine->toUtc(0).toMSecsSinceEpoch()),
      m_offsetSeconds(dialect == SimDialect::Milvus ? 8 * 3600 : 0)
{
}

bool SimDescribeRenderer::handles(SimDialect dialect)
{
    return dialect == SimDialect::Milvus || dialect == SimDialect::CloudV2;
}

void SimDescribeRenderer::appendTimeSlow(QByteArray &out, double simSeconds) const
{
    // SimServer::renderTime, for what the fast path does not cover.
    const QDateTime utc = m_engine->toUtc(simSeconds);
    const QString s = m_offsetSeconds ? utc.toOffsetFromUtc(m_offsetSeconds).toString(Qt::ISODate) : utc.toString(Qt::ISODate);
    out += s.toLatin1();
}

void SimDescribeRenderer::appendTime(QByteArray &out, double simSeconds)
{
    // The text between the quotes: empty when not set, else ISO 8601 to the second (no milliseconds, as
    // Qt::ISODate), "Z" for UTC or the server's offset.
    if (!simTimeSet(simSeconds))
        return;
    const double ms = simSeconds * 1000;
    if (!(ms > -1e15 && ms < 1e15)) { // years far from now: QDateTime's own rules
        appendTimeSlow(out, simSeconds);
        return;
    }
    const qint64 local = m_startMs + static_cast<qint64>(ms) + m_offsetSeconds * 1000LL;
    const qint64 secs = floorDiv(local, 1000);
    const qint64 day = floorDiv(secs, 86400);
    auto it = m_days.constFind(day);
    if (it == m_days.constEnd()) {
        const QDate d = QDate::fromJulianDay(day + 2440588); // 1970-01-01 is Julian day 2440588
        if (d.year() < 1 || d.year() > 9999) {
            appendTimeSlow(out, simSeconds);
            return;
        }
        it = m_days.insert(day, d.toString(Qt::ISODate).toLatin1());
    }
    const int sod = static_cast<int>(secs - day * 86400);
    out += *it;
    out += 'T';
    appendTwo(out, sod / 3600);
    out += ':';
    appendTwo(out, sod / 60 % 60);
    out += ':';
    appendTwo(out, sod % 60);
    if (m_offsetSeconds == 0) {
        out += 'Z';
    } else {
        const int off = m_offsetSeconds < 0 ? -m_offsetSeconds : m_offsetSeconds;
        out += m_offsetSeconds < 0 ? '-' : '+';
        appendTwo(out, off / 3600);
        out += ':';
        appendTwo(out, off / 60 % 60);
    }
}

void SimDescribeRenderer::prepare(JobRows &rows, const SimJobStatus &st) const
{
    // The parts of each row that never change: a job's files are fixed when it is created.
    const bool milvus = m_dialect == SimDialect::Milvus;
    const SimJob &job = *st.job;
    const int n = static_cast<int>(st.files.size());
    rows.fixed.clear();
    rows.fixed.reserve(n * 72);
    rows.fixedAt.resize(n + 1);
    for (int i = 0; i < n; ++i) {
        const SimFileStatus &f = st.files[i];
        rows.fixedAt[i] = static_cast<int>(rows.fixed.size());
        rows.fixed += ",\"fileName\":";
        appendString(rows.fixed, SimServer::fileNameOf(m_dialect, job, f, i));
        rows.fixed += ",\"fileSize\":";
        appendInt(rows.fixed, f.size);
        rows.fixed += milvus ? ",\"importedRows\":" : ",\"progress\":";
    }
    rows.fixedAt[n] = static_cast<int>(rows.fixed.size());
    rows.fixed.squeeze();
    rows.keys.clear();
    rows.rows.clear();
    rows.rowAt.clear();
}

void SimDescribeRenderer::renderRow(QByteArray &out, const JobRows &rows, const SimFileStatus &f, int i, const QByteArray &reason)
{
    // The keys in QJsonObject's (sorted) order.
    const bool milvus = m_dialect == SimDialect::Milvus;
    out += "{\"completeTime\":\"";
    appendTime(out, f.completedAt);
    out += '"';
    out.append(rows.fixed.constData() + rows.fixedAt[i], rows.fixedAt[i + 1] - rows.fixedAt[i]);
    if (milvus) {
        appendInt(out, f.importedRows);
        out += ",\"progress\":";
    }
    appendInt(out, qRound(f.progress));
    if (!milvus || !f.reason.isEmpty()) {
        out += ",\"reason\":";
        if (f.reason.isEmpty())
            out += "\"\"";
        else
            out += reason;
    }
    out += ",\"state\":\"";
    out += fileStateWord(f.state, milvus);
    out += '"';
    if (milvus) {
        out += ",\"totalRows\":";
        appendInt(out, f.rows);
    }
    out += '}';
}

QByteArray SimDescribeRenderer::render(const SimJobStatus &st, const QString &stateText)
{
    const bool milvus = m_dialect == SimDialect::Milvus;
    const SimJob &job = *st.job;
    const int n = static_cast<int>(st.files.size());
    JobRows &rows = m_jobs[job.id];
    if (rows.fixedAt.size() != n + 1)
        prepare(rows, st);
    if (rows.reason != st.reason) { // a failed file shows the job's reason: rows rendered with another are stale
        rows.reason = st.reason;
        rows.keys.clear();
    }
    QByteArray reason;
    appendString(reason, st.reason);

    // The file rows: kept where a file shows what it showed last time, rendered where it changed.
    QVector<FileKey> keys(n);
    bool same = rows.keys.size() == n;
    for (int i = 0; i < n; ++i) {
        const SimFileStatus &f = st.files[i];
        keys[i] = FileKey{f.importedRows, simTimeSet(f.completedAt) ? f.completedAt : kSimNever, qRound(f.progress), f.state};
        same = same && keys[i] == rows.keys[i];
    }
    if (!same) {
        const bool reuse = rows.keys.size() == n;
        QByteArray out;
        out.reserve(rows.rows.isEmpty() ? qsizetype(n) * 180 : rows.rows.size() + 64);
        QVector<int> at(n + 1);
        for (int i = 0; i < n; ++i) {
            at[i] = static_cast<int>(out.size());
            if (i)
                out += ',';
            if (reuse && keys[i] == rows.keys[i]) {
                const int from = rows.rowAt[i] + (i ? 1 : 0);
                out.append(rows.rows.constData() + from, rows.rowAt[i + 1] - from);
            } else {
                renderRow(out, rows, st.files[i], i, reason);
            }
        }
        at[n] = static_cast<int>(out.size());
        out.squeeze(); // kept for every job: no spare capacity (200 jobs x 1,024 files hold ~30 MB of rows)
        rows.rows = out;
        rows.rowAt = at;
        rows.keys = keys;
    }

    QByteArray b;
    b.reserve(rows.rows.size() + 512);
    b += "{\"code\":0,\"data\":{\"collectionName\":";
    appendString(b, job.collection);
    b += ",\"completeTime\":\"";
    appendTime(b, st.completedAt);
    b += '"';
    if (milvus) {
        b += ",\"createTime\":\"";
        appendTime(b, job.createdAt);
        b += '"';
    }
    b += ",\"details\":[";
    b += rows.rows;
    b += ']';
    if (!milvus) {
        b += ",\"fileName\":";
        appendString(b, st.files.isEmpty() ? QString() : st.files.first().paths.join(QLatin1Char(',')));
    }
    b += ",\"fileSize\":";
    appendInt(b, st.size);
    if (milvus) {
        b += ",\"importedRows\":";
        appendInt(b, st.importedRows);
    }
    b += ",\"jobId\":";
    appendString(b, job.id);
    b += ",\"progress\":";
    appendInt(b, qRound(st.progress));
    if (!milvus || !st.reason.isEmpty()) {
        b += ",\"reason\":";
        b += reason;
    }
    b += ",\"state\":";
    appendString(b, stateText);
    b += ",\"totalRows\":";
    appendInt(b, st.totalRows);
    b += "}}";
    return b;
}
