#pragma once
// Turns the bytes of an import-API answer into typed values, tolerant of every quirk in protocol.md §6.

#include "ApiError.h"
#include "Endpoint.h"
#include "ImportTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>

struct Envelope
{
    ApiError error;      // kind None on success
    QJsonObject data;    // the "data" object (empty when absent or not an object)
    QJsonValue rawData;  // the "data" value as sent
    bool isJsonObject = false; // the body was a JSON object (the probe moves on past a 2xx that is not)
};

struct ListPage
{
    QVector<JobSummary> jobs;
    std::optional<qint64> count;       // total over all pages, when the server says
    std::optional<qint64> pageSize;    // what the server applied, when it says
    std::optional<qint64> currentPage;
};

// A whole describe / list answer, parsed once from the body into the typed values the service uses.
// envelope.data and envelope.rawData stay empty: the answer's content is in job / page.
struct ProgressAnswer
{
    Envelope envelope;
    JobProgress job;
};

struct ListAnswer
{
    Envelope envelope;
    ListPage page;
};

namespace ResponseParser {

// The path answers take (simdjson DOM on a padded copy of the body). Same results as the reference below for
// every input: anything simdjson's stricter grammar rejects, every error envelope and the few inputs Qt judges
// differently (a number that underflows to 0) go through the reference, so error texts stay the same.
ProgressAnswer parseProgressAnswer(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect);
ListAnswer parseListAnswer(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect);

// The reference: parseEnvelope + parseProgress / parseList through QJsonDocument. Kept for the tests and the
// differential fuzzer, which compare the two.
ProgressAnswer parseProgressAnswerReference(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect);
ListAnswer parseListAnswerReference(int httpStatus, const QByteArray &body, const QString &path, Dialect dialect);


// Checks the envelope: JSON object, code 0/200 as number or string, error code+message otherwise.
// httpStatus is the HTTP status of the answer (non-2xx is an error even with code 0).
Envelope parseEnvelope(int httpStatus, const QByteArray &body, const QString &path);

JobProgress parseProgress(const QJsonObject &data, Dialect dialect);
ListPage parseList(const QJsonObject &data, Dialect dialect);
QString parseCreatedJobId(const QJsonObject &data);

// Tolerant scalar readers (public for tests).
std::optional<qint64> toInt64(const QJsonValue &v);
std::optional<double> toDouble(const QJsonValue &v);
QString toText(const QJsonValue &v);           // null/absent -> "", numbers as text
std::optional<QString> toOptionalText(const QJsonValue &v); // null/absent/"" -> nullopt
QDateTime toUtcTime(const QJsonValue &v);      // RFC 3339, any offset, fractional seconds; invalid when none
double clampPercent(double p);

} // namespace ResponseParser
