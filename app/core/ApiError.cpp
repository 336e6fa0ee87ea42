#include "ApiError.h"

#include <QStringList>

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return QStringLiteral("none");
    case ErrorKind::Auth: return QStringLiteral("auth");
    case ErrorKind::Forbidden: return QStringLiteral("forbidden");
    case ErrorKind::NotFound: return QStringLiteral("not_found");
    case ErrorKind::Expired: return QStringLiteral("expired");
    case ErrorKind::RateLimited: return QStringLiteral("rate_limited");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::Network: return QStringLiteral("network");
    case ErrorKind::Tls: return QStringLiteral("tls");
    case ErrorKind::Server: return QStringLiteral("server");
    case ErrorKind::Malformed: return QStringLiteral("malformed");
    case ErrorKind::Unsupported: return QStringLiteral("unsupported");
    }
    return QStringLiteral("unknown");
}

bool isRetryableKind(ErrorKind kind)
{
    // A garbled body is usually a proxy or a restart in progress: worth another try later.
    return kind == ErrorKind::RateLimited || kind == ErrorKind::Timeout || kind == ErrorKind::Network
        || kind == ErrorKind::Server || kind == ErrorKind::Malformed;
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return 0;
    case ErrorKind::Auth:
    case ErrorKind::Forbidden: return 3;
    case ErrorKind::NotFound:
    case ErrorKind::Expired: return 4;
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Tls:
    case ErrorKind::RateLimited:
    case ErrorKind::Server: return 5;
    case ErrorKind::Malformed:
    case ErrorKind::Unsupported: return 6;
    }
    return 6;
}

QString ApiError::kindName() const
{
    return errorKindName(kind);
}

QString ApiError::summary() const
{
    QString s = kindName().replace(QLatin1Char('_'), QLatin1Char(' '));
    QStringList where;
    if (httpStatus)
        where << QStringLiteral("HTTP %1").arg(httpStatus);
    if (code)
        where << QStringLiteral("code %1").arg(*code);
    if (!where.isEmpty())
        s += QStringLiteral(" (") + where.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!message.isEmpty())
        s += QStringLiteral(": ") + message;
    return s;
}

ApiError ApiError::make(ErrorKind kind, const QString &message, const QString &path)
{
    ApiError e;
    e.kind = kind;
    e.message = message;
    e.path = path;
    e.retryable = isRetryableKind(kind);
    return e;
}

ErrorKind classifyError(int httpStatus, std::optional<qint64> code, const QString &message)
{
    const QString lower = message.toLower();
    const bool saysMissing = lower.contains(QLatin1String("does not exist")) || lower.contains(QLatin1String("not exist"))
        || lower.contains(QLatin1String("not found"));
    if (code) {
        switch (*code) {
        case 1800: case 21119: case 80001: case 80002: return ErrorKind::Auth;
        case 1401: return ErrorKind::Forbidden;
        case 2101: return ErrorKind::NotFound;
        case 2100: if (saysMissing) return ErrorKind::NotFound; break;
        case 100: case 800: return ErrorKind::NotFound;
        case 8: case 4: case 1807: return ErrorKind::RateLimited;
        case 10001: return ErrorKind::Timeout;
        default: break;
        }
    }
    switch (httpStatus) {
    case 401: return ErrorKind::Auth;
    case 403: return ErrorKind::Forbidden;
    case 404: return ErrorKind::NotFound;
    case 408: return ErrorKind::Timeout;
    case 429: return ErrorKind::RateLimited;
    default: break;
    }
    if (code && saysMissing && (*code == 2100 || *code == 2101))
        return ErrorKind::NotFound;
    if (lower.contains(QLatin1String("rate limit")) || lower.contains(QLatin1String("too many requests")))
        return ErrorKind::RateLimited;
    if (saysMissing && lower.contains(QLatin1String("job")))
        return ErrorKind::NotFound;
    return ErrorKind::Server;
}
