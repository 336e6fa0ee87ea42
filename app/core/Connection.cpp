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
    ep.caFile = caFile;
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
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("Connection", "Give the connection a name.");
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return QCoreApplication::translate("Connection", "Enter the endpoint URL, e.g. https://api.cloud.zilliz.com or http://localhost:19530.");
    const Endpoint ep = endpoint({});
    if (ep.isZillizCloud() && baseUrl.scheme() != QLatin1String("https"))
        return QCoreApplication::translate("Connection", "Zilliz Cloud is reached over https:// only; http:// would send the API key in clear text.");
    if (kind == Kind::ZillizCloud && clusterId.isEmpty() && (projectId.isEmpty() || regionId.isEmpty()))
        return QCoreApplication::translate("Connection", "Zilliz Cloud needs a cluster ID (in01-…), or a project ID and a region.");
    if (dbName.contains(QLatin1Char(' ')))
        return QCoreApplication::translate("Connection", "Database names have no spaces.");
    return {};
}

QString Connection::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
