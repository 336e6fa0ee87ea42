// libFuzzer target: the simdjson parser (the path answers take) and the QJsonDocument reference get the same
// bytes and must give the same typed values and the same error, bit for bit; any difference aborts with both.
// Also, like fuzz_response_parser, no crash, hang, leak or undefined behaviour in either.

#include "AnswerDiff.h"
#include "ResponseParser.h"

#include <QByteArray>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the HTTP status and the dialect (as in fuzz_response_parser); the rest is the body.
    static const int statuses[] = {200, 200, 200, 401, 403, 404, 408, 429, 500, 502};
    const int status = statuses[data[0] % 10];
    const Dialect dialect = (data[0] & 0x80) ? Dialect::CloudV1 : Dialect::V2;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const QString path = QStringLiteral("/v2/vectordb/jobs/import/describe");

    const ProgressAnswer fast = ResponseParser::parseProgressAnswer(status, body, path, dialect);
    const ProgressAnswer reference = ResponseParser::parseProgressAnswerReference(status, body, path, dialect);
    QString diff = AnswerDiff::progress(fast, reference);
    if (diff.isEmpty())
        diff = AnswerDiff::list(ResponseParser::parseListAnswer(status, body, path, dialect),
                                ResponseParser::parseListAnswerReference(status, body, path, dialect));
    if (!diff.isEmpty()) {
        std::fprintf(stderr, "simdjson and reference differ (status %d, dialect %d): %s (simdjson first)\n", status,
                     int(dialect), diff.toUtf8().constData());
        std::abort();
    }
    (void)fast.envelope.error.summary();
    (void)jobPhaseText(jobPhase(fast.job));
    return 0;
}
