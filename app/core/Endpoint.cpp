#include "Endpoint.h"

#include <QCoreApplication>
#include <QRegularExpression>

QString dialectName(Dialect d)
{
    switch (d) {
    case Dialect::Auto: return QStringLiteral("auto");
    case Dialect::CloudV1: return QStringLiteral("cloud-v1");
    case Dialect::V2: return QStringLiteral("v2");
    }
    return QStringLiteral("auto");
}

bool dialectFromName(const QString &name, Dialect *out)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto")) *out = Dialect::Auto;
    else if (n == QLatin1String("cloud-v1") || n == QLatin1String("v1")) *out = Dialect::CloudV1;
    else if (n == QLatin1String("v2") || n == QLatin1String("cloud-v2") || n == QLatin1String("milvus")) *out = Dialect::V2;
    else return false;
    return true;
}

Dialect Endpoint::effectiveDialect() const
{
    if (dialect != Dialect::Auto)
        return dialect;
    const QString host = baseUrl.host().toLower();
    if (host.startsWith(QLatin1String("controller.api.")) && host.endsWith(QLatin1String(".zillizcloud.com")))
        return Dialect::CloudV1;
    return Dialect::V2;
}

bool Endpoint::isZillizCloud() const
{
    const QString host = baseUrl.host().toLower();
    return host.endsWith(QLatin1String(".zillizcloud.com")) || host == QLatin1String("api.cloud.zilliz.com")
        || host == QLatin1String("api.cloud.zilliz.com.cn") || host.endsWith(QLatin1String(".cloud.zilliz.com"))
        || host.endsWith(QLatin1String(".cloud.zilliz.com.cn"));
}

QString Endpoint::origin() const
{
    return baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

QString Endpoint::displayUrl() const
{
    return baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
}

bool isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    return h == QLatin1String("localhost") || h.startsWith(QLatin1String("127.")) || h == QLatin1String("::1");
}

QString normalisedJobId(const QString &pasted)
{
    QString s = pasted.trimmed();
    // Strip quotes and trailing punctuation copied from logs or JSON.
    static const QRegularExpression edges(QStringLiteral("^[\\s\"'`“”‘’,;]+|[\\s\"'`“”‘’,;]+$"));
    s.remove(edges);
    return s;
}

QString jobIdProblem(const QString &id)
{
    if (id.isEmpty())
        return QCoreApplication::translate("JobId", "The job ID is empty.");
    if (id.size() > 128)
        return QCoreApplication::translate("JobId", "That is %1 characters long; a job ID is a short token such as "
                                                    "job-01fa0e5d42cjxudhpuehyp or 453240863839750922.").arg(id.size());
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.:-]+$"));
    if (!valid.match(id).hasMatch())
        return QCoreApplication::translate("JobId", "A job ID has only letters, digits, '-', '_', '.' and ':' "
                                                    "(e.g. job-01fa0e5d42cjxudhpuehyp or 453240863839750922).");
    return {};
}

QUrl parseEndpointUrl(const QString &text, QString *problem)
{
    QString t = text.trimmed();
    if (t.isEmpty()) {
        *problem = QCoreApplication::translate("Endpoint", "The endpoint URL is empty.");
        return {};
    }
    if (t.size() > 2048) {
        *problem = QCoreApplication::translate("Endpoint", "That URL is %1 characters long; paste only the endpoint, "
                                                           "e.g. https://api.cloud.zilliz.com.").arg(t.size());
        return {};
    }
    if (!t.contains(QLatin1String("://")))
        t.prepend(QStringLiteral("http://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *problem = QCoreApplication::translate("Endpoint", "“%1” is not a URL; expected e.g. "
                                                           "https://api.cloud.zilliz.com or http://localhost:19530.")
                       .arg(text.trimmed().left(200));
        return {};
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        *problem = QCoreApplication::translate("Endpoint", "Only http:// and https:// endpoints are supported.");
        return {};
    }
    if (!url.userInfo().isEmpty()) {
        *problem = QCoreApplication::translate("Endpoint", "Put credentials in the key field, not in the URL.");
        return {};
    }
    // Keep only what identifies the server; a trailing slash or path must not break request URLs.
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    problem->clear();
    return url;
}
