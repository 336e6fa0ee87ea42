#include "Connection.h"

#include <QCoreApplication>
#include <QUuid>

Endpoint Connection::endpoint(const QByteArray &token) const
{
    Endpoint ep;
    ep.baseUrl = baseUrl;
    ep.dialect = dialect;
    ep.clusterId = clusterId;
    ep.projectId = projectId;
    ep.regionId = regionId;
    ep.dbName = dbName;
    ep.token = token;
    return ep;
}

QString Connection::describe() const
{
    QString s = baseUrl.host();
    if (baseUrl.port() > 0)
        s += QLatin1Char(':') + QString::number(baseUrl.port());
    if (!clusterId.isEmpty())
        s += QStringLiteral(" · cluster ") + clusterId;
    if (!projectId.isEmpty())
        s += QStringLiteral(" · project ") + projectId + QStringLiteral(" / ") + regionId;
    if (!dbName.isEmpty())
        s += QStringLiteral(" · database ") + dbName;
    return s;
}

bool Connection::isUnencrypted() const
{
    return baseUrl.scheme() == QLatin1String("http");
}

QString Connection::problem() const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("Connection", s); };
    if (name.trimmed().isEmpty())
        return tr("Give the connection a name.");
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return tr("Enter the endpoint URL, e.g. https://api.cloud.zilliz.com or http://localhost:19530.");
    const Endpoint ep = endpoint({});
    if (ep.isZillizCloud() && baseUrl.scheme() != QLatin1String("https"))
        return tr("Zilliz Cloud is reached over https:// only; http:// would send the API key in clear text.");
    if (kind == Kind::ZillizCloud && clusterId.isEmpty() && (projectId.isEmpty() || regionId.isEmpty()))
        return tr("Zilliz Cloud needs a cluster ID (in01-…), or a project ID and a region.");
    if (dbName.contains(QLatin1Char(' ')))
        return tr("Database names have no spaces.");
    return {};
}

QString Connection::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
