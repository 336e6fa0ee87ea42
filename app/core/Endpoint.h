#pragma once
// Where and how to reach an import API: base URL, dialect and the ids that scope a request.

#include <QByteArray>
#include <QString>
#include <QUrl>

enum class Dialect { Auto, CloudV1, V2 };

QString dialectName(Dialect d);               // "auto", "cloud-v1", "v2"
bool dialectFromName(const QString &name, Dialect *out);

struct Endpoint
{
    QUrl baseUrl;
    Dialect dialect = Dialect::Auto;
    QString clusterId;
    QString projectId;
    QString regionId;
    QString dbName;      // Milvus database (sent as dbName and the DB-Name header); cloud list dbName
    QByteArray token;    // API key or user:password; never printed, never put in a URL
    QString caFile;      // extra CA certificate(s) (PEM) to trust for this endpoint, e.g. a private CA

    // The dialect to speak: explicit, else from the URL's host (controller.api.* is the legacy cloud API).
    Dialect effectiveDialect() const;
    bool isZillizCloud() const;
    // Scheme, host and port, for comparisons and for messages (never with user info or query).
    QString origin() const;
    QString displayUrl() const;
};

// localhost, 127.0.0.0/8 or ::1: plain HTTP there never leaves the machine.
bool isLoopbackHost(const QString &host);
// Trims a job id the way a user pastes it: spaces, quotes, newlines. Empty result = invalid.
QString normalisedJobId(const QString &pasted);
// Why a job id is not acceptable, or an empty string when it is.
QString jobIdProblem(const QString &normalised);
// Parses a URL typed by a user; "host:19530" gets http://. Returns an explanation on failure.
QUrl parseEndpointUrl(const QString &text, QString *problem);
