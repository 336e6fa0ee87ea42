// The path describe and list answers take: simdjson's DOM over a padded copy of the body, straight into the
// typed values, with no QJsonDocument in between. It mirrors ResponseParser.cpp (the reference) field by field;
// tst_responseparser runs its cases through both and fuzz_parser_differential compares them on any bytes.
// DOM rather than On-Demand: On-Demand does not validate what it skips, and a body with a broken value in a
// field we ignore must still be "not JSON", as the reference says (see tests/benchmark/RESULTS.md for figures).

#include "ResponseParser.h"
#include "ResponseParserDetail.h"

#include <simdjson.h>

#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ResponseParser {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Deeper than any answer and far below the reference's limit (1024): a deeper body goes to the reference.
constexpr size_t kMaxDepth = 64;
// A thread's parser keeps its buffers for the next answer up to this size (a 10,000-file describe is 2 MB);
// a larger body gets a parser of its own, freed afterwards, so one huge answer does not pin memory. Of the
// ~14 bytes per body byte reserved, only the pages an answer touches become resident (a few times its size).
// Building a parser per answer instead halves the speed of a 2 MB describe (page faults), see RESULTS.md.
constexpr size_t kKeepBelow = 8 * 1024 * 1024;

struct Field
{
    element value;
    bool present = false;
};

// Qt refuses a number that underflows to zero ("1e-400"); simdjson reads it as 0. The DOM no longer has the
// digits, so any double that is zero anywhere in the body sends it to the reference, which decides (rare:
// "0.0" is written by few servers, and integers are never doubles). collect() checks the values it passes
// over and walks what nobody else reads, so the hot path looks at each value once.
bool hasZeroDouble(const element &e)
{
    switch (e.type()) {
    case element_type::DOUBLE:
        return e.get_double().value_unsafe() == 0;
    case element_type::ARRAY: {
        const simdjson::dom::array children = e.get_array().value_unsafe();
        for (const element child : children) {
            if (hasZeroDouble(child))
                return true;
        }
        return false;
    }
    case element_type::OBJECT: {
        const simdjson::dom::object fields = e.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair kv : fields) {
            if (hasZeroDouble(kv.value))
                return true;
        }
        return false;
    }
    default:
        return false;
    }
}

// The fields of one object that we read, in one pass over it. The last of a repeated key wins, as in QJsonObject.
// With `zero`, every value passed over is checked for a zero double, except the container in slot `descend` of
// type `descendType`, which the caller reads (and checks) itself.
template<size_t N>
std::array<Field, N> collect(const element &e, const std::array<std::string_view, N> &names, bool *zero = nullptr,
                             size_t descend = N, element_type descendType = element_type::NULL_VALUE)
{
    std::array<Field, N> out{};
    simdjson::dom::object obj;
    if (e.get_object().get(obj) != simdjson::SUCCESS)
        return out;
    for (const simdjson::dom::key_value_pair kv : obj) {
        // Length and first byte first: most keys are told apart without a memcmp.
        const std::string_view key = kv.key;
        size_t slot = N;
        for (size_t i = 0; i < N; ++i) {
            if (key.size() == names[i].size() && !key.empty() && key[0] == names[i][0] && key == names[i]) {
                slot = i;
                break;
            }
        }
        if (zero) {
            const element_type t = kv.value.type();
            if (descend < N && slot == descend && out[descend].present && out[descend].value.type() == descendType)
                *zero = *zero || hasZeroDouble(out[descend].value); // replaced by a later key: nobody reads it now
            if (t == element_type::DOUBLE)
                *zero = *zero || kv.value.get_double().value_unsafe() == 0;
            else if ((t == element_type::ARRAY || t == element_type::OBJECT) && !(slot == descend && t == descendType))
                *zero = *zero || hasZeroDouble(kv.value);
        }
        if (slot < N)
            out[slot] = {kv.value, true};
    }
    return out;
}

bool isType(const Field &f, element_type t)
{
    return f.present && f.value.type() == t;
}

std::string_view bytesOf(const element &e)
{
    std::string_view sv;
    if (e.get_string().get(sv) != simdjson::SUCCESS)
        return {};
    return sv;
}

QString stringOf(const element &e)
{
    const std::string_view sv = bytesOf(e);
    return QString::fromUtf8(sv.data(), static_cast<qsizetype>(sv.size()));
}

// A non-string scalar as the QJsonValue the reference would hold for it, so the number rules are the reference's
// own code. Qt keeps an integer that fits 64 bits as an integer and anything else (a uint64 too) as a double.
QJsonValue scalarOf(const Field &f)
{
    if (!f.present)
        return QJsonValue(QJsonValue::Undefined);
    switch (f.value.type()) {
    case element_type::INT64:
        return QJsonValue(static_cast<qint64>(f.value.get_int64().value_unsafe()));
    case element_type::UINT64:
        return QJsonValue(static_cast<double>(f.value.get_uint64().value_unsafe()));
    case element_type::DOUBLE:
        return QJsonValue(f.value.get_double().value_unsafe());
    case element_type::BOOL:
        return QJsonValue(f.value.get_bool().value_unsafe());
    default:
        return QJsonValue(QJsonValue::Null); // arrays and objects read as nothing, like null
    }
}

// A number as the double QJsonValue::toDouble() gives for it (Qt's integer, or its double); false if no number.
bool numberOf(const Field &f, double *d)
{
    if (!f.present)
        return false;
    switch (f.value.type()) {
    case element_type::INT64:
        *d = static_cast<double>(f.value.get_int64().value_unsafe());
        return true;
    case element_type::UINT64:
        *d = static_cast<double>(f.value.get_uint64().value_unsafe());
        return true;
    case element_type::DOUBLE:
        *d = f.value.get_double().value_unsafe();
        return true;
    default:
        return false;
    }
}

// Absent or null: what the reference makes of an undefined or null QJsonValue (nothing), without making one.
bool isNothing(const Field &f)
{
    return !f.present || f.value.type() == element_type::NULL_VALUE;
}

QString textOf(const Field &f)
{
    if (isNothing(f))
        return {};
    if (isType(f, element_type::STRING))
        return stringOf(f.value);
    double d;
    if (numberOf(f, &d))
        return detail::textFromNumber(d);
    return toText(scalarOf(f));
}

std::optional<QString> optionalTextOf(const Field &f)
{
    const QString s = textOf(f);
    if (s.isEmpty())
        return std::nullopt;
    return s;
}

std::optional<qint64> int64Of(const Field &f)
{
    if (isNothing(f))
        return std::nullopt;
    if (f.value.type() == element_type::INT64) {
        // Exact as a double, so int64FromNumber would give it back unchanged.
        const int64_t i = f.value.get_int64().value_unsafe();
        if (i > -(int64_t(1) << 53) && i < (int64_t(1) << 53))
            return static_cast<qint64>(i);
    }
    if (isType(f, element_type::STRING))
        return detail::int64FromString(stringOf(f.value));
    double d;
    if (numberOf(f, &d))
        return detail::int64FromNumber(d);
    return toInt64(scalarOf(f));
}

std::optional<double> doubleOf(const Field &f)
{
    if (isNothing(f))
        return std::nullopt;
    if (isType(f, element_type::STRING))
        return detail::doubleFromString(stringOf(f.value));
    double d;
    if (numberOf(f, &d))
        return detail::doubleFromNumber(d);
    return toDouble(scalarOf(f));
}

bool plainAscii(unsigned char c)
{
    return c > 0x20 && c < 0x7f;
}

QDateTime timeOf(const Field &f)
{
    if (isNothing(f))
        return {};
    if (!isType(f, element_type::STRING))
        return toUtcTime(scalarOf(f));
    const std::string_view sv = bytesOf(f.value);
    // No space at either end, so trimming would change nothing: read the bytes without making a QString.
    qint64 msecs;
    if (!sv.empty() && plainAscii(static_cast<unsigned char>(sv.front())) && plainAscii(static_cast<unsigned char>(sv.back()))
        && detail::fastRfc3339Utf8(sv.data(), static_cast<qsizetype>(sv.size()), &msecs))
        return detail::timeFromMSecs(msecs);
    return detail::timeFromString(stringOf(f.value));
}

// A file's state word and what it means, as the reference finds them (sharedText, fileStateFromServer), without
// building and lower-casing a QString per file: a thousand files share a handful of state byte strings.
struct FileStateText
{
    QString text;
    FileState state;
};

FileStateText fileStateOf(const Field &f)
{
    if (!isType(f, element_type::STRING)) {
        const QString text = detail::sharedText(textOf(f));
        return {text, fileStateFromServer(text)};
    }
    struct Seen
    {
        std::string bytes;
        FileStateText value;
    };
    thread_local std::vector<Seen> seen;
    const std::string_view sv = bytesOf(f.value);
    for (const Seen &s : seen) {
        if (s.bytes == sv)
            return s.value;
    }
    const QString text = detail::sharedText(stringOf(f.value));
    const FileStateText value{text, fileStateFromServer(text)};
    if (seen.size() < 16)
        seen.push_back({std::string(sv), value});
    return value;
}

enum FileField { FFileName, FFilePath, FFileSize, FImportedRows, FTotalRows, FCompleteTime, FReason, FErrorMessage,
                 FReadyPercentage, FProgress, FState, FileFieldCount };
constexpr std::array<std::string_view, FileFieldCount> kFileFields = {
    "fileName", "filePath", "fileSize", "importedRows", "totalRows", "completeTime", "reason", "errorMessage",
    "readyPercentage", "progress", "state"};

FileProgress parseFile(const element &e, bool v1, bool *zero)
{
    const auto f = collect(e, kFileFields, zero);
    FileProgress file;
    file.fileName = textOf(f[FFileName]);
    if (file.fileName.isEmpty())
        file.fileName = textOf(f[FFilePath]);
    file.fileSize = int64Of(f[FFileSize]);
    file.importedRows = int64Of(f[FImportedRows]);
    file.totalRows = int64Of(f[FTotalRows]);
    file.completeTime = timeOf(f[FCompleteTime]);
    file.reason = textOf(f[FReason]);
    if (file.reason.isEmpty())
        file.reason = textOf(f[FErrorMessage]);
    const FileStateText state = fileStateOf(f[FState]);
    file.serverState = state.text;
    if (v1 || f[FReadyPercentage].present) {
        file.progress = clampPercent(doubleOf(f[FReadyPercentage]).value_or(0) * 100);
        if (!file.reason.isEmpty())
            file.state = FileState::Failed;
        else if (file.progress >= 100)
            file.state = FileState::Completed;
        else
            file.state = FileState::Running;
    } else {
        file.progress = clampPercent(doubleOf(f[FProgress]).value_or(0));
        file.state = state.state;
        if (file.state == FileState::Unknown && file.serverState.isEmpty() && !file.reason.isEmpty())
            file.state = FileState::Failed;
    }
    return file;
}

enum JobField { JJobId, JJobID, JCollectionName, JFileSize, JImportedRows, JTotalRows, JCompleteTime, JCreateTime,
                JReason, JErrorMessage, JState, JReadyPercentage, JProgress, JDetails, JFileName, JobFieldCount };
constexpr std::array<std::string_view, JobFieldCount> kJobFields = {
    "jobId", "jobID", "collectionName", "fileSize", "importedRows", "totalRows", "completeTime", "createTime",
    "reason", "errorMessage", "state", "readyPercentage", "progress", "details", "fileName"};

JobProgress parseJob(const Field &data, Dialect dialect, bool *zero)
{
    std::array<Field, JobFieldCount> d{};
    if (isType(data, element_type::OBJECT))
        d = collect(data.value, kJobFields, zero, JDetails, element_type::ARRAY);
    JobProgress job;
    job.jobId = textOf(d[JJobId]);
    if (job.jobId.isEmpty())
        job.jobId = textOf(d[JJobID]);
    job.collectionName = optionalTextOf(d[JCollectionName]);
    job.fileSize = int64Of(d[JFileSize]);
    job.importedRows = int64Of(d[JImportedRows]);
    job.totalRows = int64Of(d[JTotalRows]);
    job.completeTime = timeOf(d[JCompleteTime]);
    job.createTime = timeOf(d[JCreateTime]);
    job.reason = textOf(d[JReason]);
    if (job.reason.isEmpty())
        job.reason = textOf(d[JErrorMessage]);
    job.serverState = textOf(d[JState]);

    const bool v1 = dialect == Dialect::CloudV1 || (d[JReadyPercentage].present && !d[JProgress].present);
    if (v1) {
        const double frac = doubleOf(d[JReadyPercentage]).value_or(0);
        job.progress = clampPercent(frac * 100);
        job.state = job.serverState.isEmpty() ? JobState::Unknown : jobStateFromServer(job.serverState);
        if (job.state == JobState::Unknown) {
            if (!job.reason.isEmpty())
                job.state = JobState::Failed;
            else if (frac >= 1)
                job.state = JobState::Completed;
            else
                job.state = JobState::Running;
        }
    } else {
        job.progress = clampPercent(doubleOf(d[JProgress]).value_or(0));
        job.state = jobStateFromServer(job.serverState);
    }

    if (isType(d[JDetails], element_type::ARRAY)) {
        const simdjson::dom::array details = d[JDetails].value.get_array().value_unsafe();
        job.files.reserve(static_cast<qsizetype>(details.size()));
        for (const element v : details) {
            if (v.type() == element_type::OBJECT)
                job.files.append(parseFile(v, v1, zero));
            else
                *zero = *zero || hasZeroDouble(v);
        }
    }
    detail::finishJob(job, d[JFileName].present, textOf(d[JFileName]));
    return job;
}

enum ListField { LCount, LPageSize, LCurrentPage, LRecords, LTasks, ListFieldCount };
constexpr std::array<std::string_view, ListFieldCount> kListFields = {"count", "pageSize", "currentPage", "records", "tasks"};
enum RecordField { RJobId, RJobID, RCollectionName, RState, RReason, RErrorMessage, RProgress, RReadyPercentage, RecordFieldCount };
constexpr std::array<std::string_view, RecordFieldCount> kRecordFields = {
    "jobId", "jobID", "collectionName", "state", "reason", "errorMessage", "progress", "readyPercentage"};

ListPage parsePage(const Field &data, Dialect dialect)
{
    std::array<Field, ListFieldCount> d{};
    if (isType(data, element_type::OBJECT))
        d = collect(data.value, kListFields);
    ListPage page;
    page.count = int64Of(d[LCount]);
    page.pageSize = int64Of(d[LPageSize]);
    page.currentPage = int64Of(d[LCurrentPage]);
    const auto nonEmptyArray = [](const Field &f) {
        if (!isType(f, element_type::ARRAY))
            return false;
        const simdjson::dom::array a = f.value.get_array().value_unsafe();
        return a.begin() != a.end();
    };
    const Field *records = nonEmptyArray(d[LRecords]) ? &d[LRecords] : nonEmptyArray(d[LTasks]) ? &d[LTasks] : nullptr;
    if (!records)
        return page;
    const simdjson::dom::array rows = records->value.get_array().value_unsafe();
    page.jobs.reserve(static_cast<qsizetype>(rows.size()));
    for (const element v : rows) {
        const auto r = collect(v, kRecordFields);
        JobSummary s;
        s.jobId = textOf(r[RJobId]);
        if (s.jobId.isEmpty())
            s.jobId = textOf(r[RJobID]);
        if (s.jobId.isEmpty())
            continue;
        s.collectionName = optionalTextOf(r[RCollectionName]);
        s.serverState = textOf(r[RState]);
        s.state = jobStateFromServer(s.serverState);
        s.reason = textOf(r[RReason]);
        if (s.reason.isEmpty())
            s.reason = textOf(r[RErrorMessage]);
        if (r[RProgress].present) {
            if (auto p = doubleOf(r[RProgress]))
                s.progress = clampPercent(*p);
        } else if (r[RReadyPercentage].present || dialect == Dialect::CloudV1) {
            if (auto p = doubleOf(r[RReadyPercentage]))
                s.progress = clampPercent(*p * 100);
        }
        if (s.state == JobState::Completed)
            s.progress = 100;
        page.jobs.append(s);
    }
    return page;
}

enum EnvelopeField { ECode, EMessage, EData, EnvelopeFieldCount };
constexpr std::array<std::string_view, EnvelopeFieldCount> kEnvelopeFields = {"code", "message", "data"};

struct Padded
{
    std::unique_ptr<char[]> bytes;
    size_t capacity = 0;

    char *fit(size_t size)
    {
        const size_t need = size + simdjson::SIMDJSON_PADDING;
        if (need > capacity) {
            bytes.reset(new char[need]);
            capacity = need;
        }
        return bytes.get();
    }
};

std::unique_ptr<simdjson::dom::parser> newParser(size_t capacity)
{
    auto p = std::make_unique<simdjson::dom::parser>();
    if (p->allocate(capacity, kMaxDepth) != simdjson::SUCCESS)
        return nullptr;
    return p;
}

// memchr for the first byte, then a look at the rest: Qt 6.4's QByteArray::contains/indexOf walk a short needle
// byte by byte, and that walk took 45 % of a 1,024-file describe's parse (perf, 2026-12-02).
bool holdsByteOrderMark(const QByteArray &body)
{
    const char *const begin = body.constData();
    const char *const end = begin + body.size();
    for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '\xEF', static_cast<size_t>(end - p)))); ++p)
        if (end - p >= 3 && p[1] == '\xBB' && p[2] == '\xBF')
            return true;
    for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '\\', static_cast<size_t>(end - p)))); p += 2) {
        if (end - p < 2)
            break;
        if (p[1] == 'u' && end - p >= 6 && qstrnicmp(p + 2, "feff", 4) == 0)
            return true;
    }
    return false;
}

// Parses a 2xx body and, when it is a good envelope, hands its "data" to build; anything else (and a zero
// double anywhere) is the reference's to answer, with its own error texts. std::nullopt: ask the reference.
template<typename Answer, typename Build>
std::optional<Answer> parseFast(int httpStatus, const QByteArray &body, const QString &path, Build build)
{
    if (httpStatus < 200 || httpStatus >= 300 || body.isEmpty())
        return std::nullopt;
    // U+FEFF anywhere (a byte order mark, raw or escaped) goes to the reference: simdjson 3.0 refuses a leading one
    // and 3.12 skips it, and inside a string the reference keeps or drops it depending on how Qt stored the string
    // (fuzz_parser_differential found both ways). Real answers never hold one.
    if (holdsByteOrderMark(body))
        return std::nullopt;
    const size_t size = static_cast<size_t>(body.size());
    thread_local std::unique_ptr<simdjson::dom::parser> kept = newParser(64 * 1024);
    thread_local Padded keptBuffer;
    std::unique_ptr<simdjson::dom::parser> own;
    Padded ownBuffer;
    simdjson::dom::parser *parser = kept.get();
    char *bytes = nullptr;
    if (size < kKeepBelow) {
        bytes = keptBuffer.fit(size);
    } else {
        own = newParser(size);
        parser = own.get();
        bytes = ownBuffer.fit(size);
    }
    if (!parser || !bytes)
        return std::nullopt;
    std::memcpy(bytes, body.constData(), size);
    std::memset(bytes + size, 0, simdjson::SIMDJSON_PADDING);
    element root;
    if (parser->parse(bytes, size, false).get(root) != simdjson::SUCCESS || root.type() != element_type::OBJECT)
        return std::nullopt;

    bool zero = false;
    const auto o = collect(root, kEnvelopeFields, &zero, EData, element_type::OBJECT);
    std::optional<qint64> code;
    if (o[ECode].present && o[ECode].value.type() != element_type::NULL_VALUE)
        code = int64Of(o[ECode]);
    const QString message = textOf(o[EMessage]);
    const bool codeOk = !code || *code == 0 || *code == 200;
    const bool disguisedError = code && *code == 0 && !message.isEmpty() && !o[EData].present
        && message.compare(QLatin1String("success"), Qt::CaseInsensitive) != 0
        && message.compare(QLatin1String("ok"), Qt::CaseInsensitive) != 0;
    if (zero || !codeOk || disguisedError || (!code && !o[EData].present))
        return std::nullopt;
    Answer a;
    a.envelope.error.path = path;
    a.envelope.error.httpStatus = httpStatus;
    a.envelope.isJsonObject = true;
    build(a, o[EData], &zero); // checks what it reads for zero doubles, and walks the rest
    if (zero)
        return std::nullopt;
    return a;
}

thread_local bool t_usedReference = false;

} // namespace

bool detail::lastAnswerUsedReference()
{
    return t_usedReference;
}

ProgressAnswer parseProgressAnswer(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect)
{
    if (auto a = parseFast<ProgressAnswer>(httpStatus, body, path, [dialect](ProgressAnswer &out, const Field &data, bool *zero) {
            out.job = parseJob(data, dialect, zero);
        })) {
        t_usedReference = false;
        return std::move(*a);
    }
    t_usedReference = true;
    return parseProgressAnswerReference(httpStatus, body, path, dialect);
}

ListAnswer parseListAnswer(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect)
{
    if (auto a = parseFast<ListAnswer>(httpStatus, body, path, [dialect](ListAnswer &out, const Field &data, bool *zero) {
            if (isType(data, element_type::OBJECT))
                *zero = hasZeroDouble(data.value); // a list is small: one walk over all of it
            out.page = parsePage(data, dialect);
        })) {
        t_usedReference = false;
        return std::move(*a);
    }
    t_usedReference = true;
    return parseListAnswerReference(httpStatus, body, path, dialect);
}

} // namespace ResponseParser
