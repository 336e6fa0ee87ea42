// libFuzzer target: every byte string the network can deliver goes through the response parser without a
// crash, a hang, a leak or undefined behaviour, whatever the HTTP status it arrived with.

#include "ResponseParser.h"

#include <QByteArray>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the HTTP status and the dialect; the rest is the body.
    static const int statuses[] = {200, 200, 200, 401, 403, 404, 408, 429, 500, 502};
    const int status = statuses[data[0] % 10];
    const Dialect dialect = (data[0] & 0x80) ? Dialect::CloudV1 : Dialect::V2;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const Envelope env = ResponseParser::parseEnvelope(status, body, QStringLiteral("/v2/vectordb/jobs/import/describe"));
    (void)env.error.summary();
    const JobProgress job = ResponseParser::parseProgress(env.data, dialect);
    (void)jobPhaseText(jobPhase(job));
    const ListPage page = ResponseParser::parseList(env.data, dialect);
    (void)page.jobs.size();
    (void)ResponseParser::parseCreatedJobId(env.data);
    return 0;
}
