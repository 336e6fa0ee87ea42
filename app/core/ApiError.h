#pragma once
// An error of the import API as a value: what went wrong, whether a retry can help, and the server's own words.

#include <QString>
#include <optional>

enum class ErrorKind { None, Auth, Forbidden, NotFound, Expired, RateLimited, Timeout, Network, Tls, Server, Malformed, Unsupported };

struct ApiError
{
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;             // 0 when no HTTP answer came
    std::optional<qint64> code;     // the API's own code, when the body carried one
    QString message;                // the server's message verbatim (or our description of a transport failure)
    QString path;                   // endpoint path, e.g. /v2/vectordb/jobs/import/describe
    bool retryable = false;
    int retryAfterMs = -1;          // from Retry-After, when the server sent one

    bool isError() const { return kind != ErrorKind::None; }
    QString kindName() const;
    // One line for a status bar or stderr: "rate limited (HTTP 429, code 8): too many requests".
    QString summary() const;

    static ApiError make(ErrorKind kind, const QString &message, const QString &path = {});
};

QString errorKindName(ErrorKind kind);
bool isRetryableKind(ErrorKind kind);
// Exit codes of the command line, shared by every subcommand.
int exitCodeFor(ErrorKind kind);
// Classifies an answer that carried an HTTP status and maybe an API code.
ErrorKind classifyError(int httpStatus, std::optional<qint64> code, const QString &message);
