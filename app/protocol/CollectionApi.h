#pragma once
// The endpoints that follow an import (protocol.md §7), over ImportApiClient's transport: a collection's indexes,
// load state and row count; refresh_load; the Zilliz Cloud control plane's clusters. Parsers are public for tests.

#include "ApiError.h"
#include "CollectionState.h"
#include "Endpoint.h"
#include "ImportApiClient.h"

#include <QJsonValue>
#include <functional>

namespace CollectionApi {

using CollectionCallback = std::function<void(const CollectionState &, const ApiError &)>;
using ClustersCallback = std::function<void(const QVector<ClusterInfo> &, const ApiError &)>;
using ClusterCallback = std::function<void(const ClusterInfo &, const ApiError &)>;
using Gate = ImportApiClient::PageGate;

// indexes/describe, get_load_state and get_stats, one after another (beforeNext gates the second and third, as a
// list's pages are: each counts against the budget). A plain 404 leaves that part out; three of them give a state
// that is not present, and no error. Code 700 (no index) is an empty, known index list.
void fetchCollection(ImportApiClient &client, const Endpoint &ep, const QString &collection, const QString &dbName,
                     QObject *context, CollectionCallback cb, Gate beforeNext = {});
void refreshLoad(ImportApiClient &client, const Endpoint &ep, const QString &collection, const QString &dbName,
                 QObject *context, ImportApiClient::DoneCallback cb);
// GET /v2/clusters, every page; GET /v2/clusters/{id}.
void listClusters(ImportApiClient &client, const Endpoint &ep, QObject *context, ClustersCallback cb, Gate beforeNext = {});
void describeCluster(ImportApiClient &client, const Endpoint &ep, const QString &clusterId, QObject *context, ClusterCallback cb);

QVector<IndexStatus> parseIndexes(const QJsonValue &data);
void parseLoadState(const QJsonValue &data, CollectionState *into);
std::optional<qint64> parseRowCount(const QJsonValue &data);
ClusterInfo parseCluster(const QJsonValue &data);
QVector<ClusterInfo> parseClusterPage(const QJsonValue &data, std::optional<qint64> *count);

} // namespace CollectionApi
