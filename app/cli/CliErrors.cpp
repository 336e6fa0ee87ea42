#include "CliErrors.h"

#include "FileLabel.h"

namespace CliErrors {
namespace {

QString triedUrl(const ApiError &e, const Endpoint &ep)
{
    QString url = ep.displayUrl();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url + e.path;
}

QString dialectWords(const Endpoint &ep)
{
    return ep.effectiveDialect() == Dialect::CloudV1 ? QStringLiteral("the legacy Zilliz Cloud (v1) import API")
                                                     : QStringLiteral("the v2 import API");
}

} // namespace

ApiError classify(const ApiError &e, const Endpoint &ep)
{
    // A handler that does not know the job answers with an API code (Milvus 2100 on HTTP 200, cloud codes);
    // a bare 404 is the route itself missing: wrong dialect, or no import API at this address.
    if (e.kind != ErrorKind::NotFound || e.httpStatus != 404 || e.code.has_value())
        return e;
    ApiError u = e;
    u.kind = ErrorKind::Unsupported;
    u.retryable = false;
    const QString hint = ep.effectiveDialect() == Dialect::CloudV1
        ? QStringLiteral("try --api v2 (Milvus >= 2.4, api.cloud.zilliz.com)")
        : QStringLiteral("is it Milvus >= 2.4 or Zilliz Cloud? For the legacy controller.api.* API use --api cloud-v1");
    u.message = QStringLiteral("%1 does not speak %2 (HTTP 404 on %3): %4")
                    .arg(ep.displayUrl(), dialectWords(ep), e.path.isEmpty() ? QStringLiteral("its route") : e.path, hint);
    return u;
}

QString text(const ApiError &e, const Endpoint &ep, KeySource key)
{
    const QString said = FileLabel::withSizeUnits(e.summary());
    switch (e.kind) {
    case ErrorKind::Auth:
        if (key == KeySource::None)
            return QStringLiteral("auth: no key was given, and %1 needs one. Set BULKWATCH_API_KEY in the environment, "
                                  "put the key on the first line of stdin with --api-key-stdin, or use a saved --connection NAME.\n"
                                  "  (the server said: %2)")
                .arg(ep.displayUrl(), said);
        return QStringLiteral("%1\n  (the key from %2 was refused: Zilliz Cloud takes an API key, Milvus user:password or a token)")
            .arg(said, key == KeySource::Environment ? QStringLiteral("BULKWATCH_API_KEY")
                       : key == KeySource::Stdin   ? QStringLiteral("stdin (--api-key-stdin)")
                                                   : QStringLiteral("the saved connection"));
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Tls:
        return said + QStringLiteral(" (tried ") + triedUrl(e, ep) + QLatin1Char(')');
    default:
        return said;
    }
}

bool needsClusterId(const Endpoint &ep)
{
    const QString host = ep.baseUrl.host().toLower();
    return host == QLatin1String("api.cloud.zilliz.com") || host == QLatin1String("api.cloud.zilliz.com.cn")
        || (host.startsWith(QLatin1String("controller.api.")) && host.endsWith(QLatin1String(".zillizcloud.com")));
}

} // namespace CliErrors
