// bulkwatch-sim: what comes after the import (protocol.md §7). The collection endpoints (index, load state, row
// count, refresh_load) as Milvus and a Zilliz Cloud cluster serve them, and the cloud control plane's clusters.

#include "SimServer.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace {
const QString kIndexes = QStringLiteral("/v2/vectordb/indexes/describe");
const QString kCollections = QStringLiteral("/v2/vectordb/collections/");
const QString kClusters = QStringLiteral("/v2/clusters");
} // namespace

QJsonObject SimServer::renderCluster(const SimClusterSpec &c) const
{
    // The cluster's own endpoint is this simulator: the collection endpoints are served here too.
    return QJsonObject{{QStringLiteral("clusterId"), c.clusterId},
                       {QStringLiteral("clusterName"), c.clusterName},
                       {QStringLiteral("regionId"), c.regionId},
                       {QStringLiteral("status"), c.status},
                       {QStringLiteral("plan"), QStringLiteral("Dedicated")},
                       {QStringLiteral("cuType"), QStringLiteral("Performance-optimized")},
                       {QStringLiteral("cuSize"), 1},
                       {QStringLiteral("connectAddress"), baseUrl().toString()},
                       {QStringLiteral("privateLinkAddress"), QString()},
                       {QStringLiteral("projectId"), QStringLiteral("proj-sim0000000000000000")}};
}

bool SimServer::lifecycleRoute(const QHttpServerRequest &request, const QString &path, Answer *out)
{
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool cluster = m_dialect == SimDialect::CloudV2 && get && (path == kClusters || path.startsWith(kClusters + QLatin1Char('/')));
    static const QStringList collectionOps = {QStringLiteral("get_load_state"), QStringLiteral("get_stats"), QStringLiteral("refresh_load")};
    const QString op = path == kIndexes ? QStringLiteral("indexes")
                     : path.startsWith(kCollections) && collectionOps.contains(path.mid(kCollections.size())) ? path.mid(kCollections.size())
                                                                                                           : QString();
    const bool collection = post && !op.isEmpty() && m_dialect != SimDialect::CloudV1 && m_engine->scenario().collectionEndpoints;
    if (!cluster && !collection)
        return false; // route() answers it (a plain 404 where nothing serves it)

    if (!authorized(request)) {
        *out = m_dialect == SimDialect::Milvus ? error(1800, QStringLiteral("user hasn't authenticated"), 401)
                                               : error(21119, QStringLiteral("The apikey is illegal."));
        return true;
    }
    if (cluster) {
        const auto &clusters = m_engine->clusters();
        if (path != kClusters) {
            const QString id = path.mid(kClusters.size() + 1);
            for (const SimClusterSpec &c : clusters) {
                if (c.clusterId == id) {
                    *out = ok(renderCluster(c));
                    return true;
                }
            }
            *out = error(80001, QStringLiteral("Cluster not exist or you don't have permission."));
            return true;
        }
        const QUrlQuery q = request.query();
        const int pageSize = std::clamp(q.queryItemValue(QStringLiteral("pageSize")).toInt() > 0 ? q.queryItemValue(QStringLiteral("pageSize")).toInt() : 10, 1, 100);
        const int page = std::max(1, q.queryItemValue(QStringLiteral("currentPage")).toInt());
        QJsonArray list;
        for (int i = (page - 1) * pageSize; i < clusters.size() && i < page * pageSize; ++i)
            list.append(renderCluster(clusters[i]));
        *out = ok(QJsonObject{{QStringLiteral("count"), static_cast<int>(clusters.size())},
                              {QStringLiteral("currentPage"), page},
                              {QStringLiteral("pageSize"), pageSize},
                              {QStringLiteral("clusters"), list}});
        return true;
    }

    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
        *out = error(1801, QStringLiteral("can only accept json format request, error: %1").arg(perr.errorString()));
        return true;
    }
    const QJsonObject body = doc.object();
    const QString name = body.value(QLatin1String("collectionName")).toString();
    // The database comes in the body (dbName); the DB-Name header too, as the proxy accepts both.
    QString db = body.value(QLatin1String("dbName")).toString();
    if (db.isEmpty())
        db = QString::fromUtf8(request.value("DB-Name"));
    if (db.isEmpty())
        db = QStringLiteral("default");
    if (name.isEmpty()) {
        *out = error(1802, QStringLiteral("missing required parameters, error: Key: 'CollectionNameReq.CollectionName' Error:Field validation for 'CollectionName' failed on the 'required' tag"));
        return true;
    }
    if (op == QLatin1String("refresh_load")) {
        QString message;
        const int code = m_engine->refreshLoad(db, name, &message);
        *out = code ? error(code, message) : ok(QJsonObject{});
        return true;
    }
    const SimCollectionStatus st = m_engine->collectionStatus(db, name);
    if (!st.exists) {
        *out = error(100, QStringLiteral("collection not found[database=%1][collection=%2]").arg(db, name));
        return true;
    }
    if (op == QLatin1String("get_stats")) {
        *out = ok(QJsonObject{{QStringLiteral("rowCount"), st.rowCount}});
    } else if (op == QLatin1String("get_load_state")) {
        QJsonObject d{{QStringLiteral("loadState"), st.loadState}};
        if (st.loadState != QLatin1String("LoadStateNotLoad"))
            d.insert(QStringLiteral("loadProgress"), st.loadProgress);
        *out = ok(d);
    } else {
        const QString wanted = body.value(QLatin1String("indexName")).toString();
        QJsonArray list;
        for (const SimIndexStatus &ix : st.indexes) {
            if (!wanted.isEmpty() && wanted != ix.indexName)
                continue;
            list.append(QJsonObject{{QStringLiteral("fieldName"), ix.fieldName},
                                    {QStringLiteral("indexName"), ix.indexName},
                                    {QStringLiteral("indexType"), ix.indexType},
                                    {QStringLiteral("metricType"), ix.metricType},
                                    {QStringLiteral("indexState"), ix.state},
                                    {QStringLiteral("totalRows"), ix.totalRows},
                                    {QStringLiteral("indexedRows"), ix.indexedRows},
                                    {QStringLiteral("pendingRows"), ix.pendingRows},
                                    {QStringLiteral("failReason"), ix.failReason}});
        }
        *out = list.isEmpty() ? error(700, QStringLiteral("index not found[collection=%1]").arg(name)) : ok(list);
    }
    return true;
}
