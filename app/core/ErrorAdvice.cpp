#include "ErrorAdvice.h"

#include "FileLabel.h"

#include <QCoreApplication>

namespace ErrorAdvice {

QString forConnection(const ApiError &e)
{
    QString advice;
    switch (e.kind) {
    case ErrorKind::None: return QCoreApplication::translate("ErrorAdvice", "Connected.");
    case ErrorKind::Network: advice = QCoreApplication::translate("ErrorAdvice", "Cannot reach the server: check the URL and port, your VPN or firewall."); break;
    case ErrorKind::Timeout: advice = QCoreApplication::translate("ErrorAdvice", "The server did not answer in time: it may be overloaded, or the address leads nowhere."); break;
    case ErrorKind::Tls: advice = QCoreApplication::translate("ErrorAdvice", "The server's TLS certificate was not accepted: check the URL, or trust the issuing CA."); break;
    case ErrorKind::Auth: advice = QCoreApplication::translate("ErrorAdvice", "The key was refused: check the API key (Zilliz Cloud) or the user:password / token (Milvus)."); break;
    case ErrorKind::Forbidden: advice = QCoreApplication::translate("ErrorAdvice", "Access denied: check the database name; the user needs the import privilege there."); break;
    case ErrorKind::NotFound: advice = QCoreApplication::translate("ErrorAdvice", "Not found: check the database (or cluster) name."); break;
    case ErrorKind::Expired: advice = QCoreApplication::translate("ErrorAdvice", "The server no longer knows this job."); break;
    case ErrorKind::RateLimited: advice = QCoreApplication::translate("ErrorAdvice", "The server asks to slow down; Bulkwatch waits and retries by itself."); break;
    case ErrorKind::Server: advice = QCoreApplication::translate("ErrorAdvice", "The server reported an error."); break;
    case ErrorKind::Malformed: advice = QCoreApplication::translate("ErrorAdvice", "The answer could not be read; a proxy may be in the way."); break;
    case ErrorKind::Unsupported: advice = QCoreApplication::translate("ErrorAdvice", "No import API at this address: is it Milvus 2.4 or newer, or a Zilliz Cloud endpoint?"); break;
    }
    return advice + QStringLiteral("\n") + FileLabel::withSizeUnits(e.summary());
}

QString forCreate(const ApiError &e)
{
    const QString m = e.message.toLower();
    QString advice;
    if (m.contains(QLatin1String("number of jobs has reached the limit")))
        advice = QCoreApplication::translate("ErrorAdvice", "Too many imports are running: wait for some to finish, or import several files in one job.");
    else if (m.contains(QLatin1String("number of import files")) || m.contains(QLatin1String("max number of import files")))
        advice = QCoreApplication::translate("ErrorAdvice", "Too many files for one job: split them over several imports.");
    else if (m.contains(QLatin1String("file size")) && m.contains(QLatin1String("maximum")))
        advice = QCoreApplication::translate("ErrorAdvice", "A file is larger than the server accepts: split it into smaller files.");
    else if (m.contains(QLatin1String("collection not found")) || (e.code && *e.code == 100))
        advice = QCoreApplication::translate("ErrorAdvice", "No such collection: check its name and the database.");
    else if (m.contains(QLatin1String("access key")) || m.contains(QLatin1String("secret key")) || m.contains(QLatin1String("accessdenied")))
        advice = QCoreApplication::translate("ErrorAdvice", "The bucket refused the credentials: check the access key and secret key.");
    else if (m.contains(QLatin1String("missing required")))
        advice = QCoreApplication::translate("ErrorAdvice", "A required field is missing.");
    else
        return forConnection(e);
    return advice + QStringLiteral("\n") + QCoreApplication::translate("ErrorAdvice", "The server said: %1").arg(FileLabel::withSizeUnits(e.summary()));
}

QString forLostCreate(const ApiError &e)
{
    return QCoreApplication::translate("ErrorAdvice", "No answer came, so the import may have started. Its key is kept: the next time Bulkwatch "
                                                      "starts, it looks for the job on the server, and asks you if it is not there.")
        + QStringLiteral("\n") + FileLabel::withSizeUnits(e.summary());
}

} // namespace ErrorAdvice
