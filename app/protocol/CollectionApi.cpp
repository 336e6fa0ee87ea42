#include "CollectionApi.h"

#include "ResponseParser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <memory>

namespace CollectionApi {
namespace {
const QString kIndexes = QStringLiteral("/v2/vectordb/indexes/describe");
const QString kLoadState = QStringLiteral("/v2/vectordb/collections/get_load_state");
const QString kStats = QStringLiteral("/v2/vectordb/collections/get_stats");
const QString kRefresh = QStringLiteral("/v2/vectordb/collections/refresh_load");
const QString kClusters = QStringLiteral("/v2/clusters");
constexpr int kClusterPageSize = 100;
constexpr int kMaxClusterPages = 100;
constexpr qint64 kNoIndexCode = 700;

QJsonObject bodyFor(const QString &collection, const QString &dbName)
{
    QJsonObject o{{QStringLiteral("collectionName"), collection}};
    if (!dbName.isEmpty())
        o.insert(QStringLiteral("dbName"), dbName);
    return o;
}

// A route that does not exist: a 404 without a JSON code (a JSON 404 with a code is the handler speaking).
bool routeMissing(int status, bool isJson, const ApiError &e)
{
    return status == 404 && !(isJson && e.code.has_value());
}

struct Fetch
{
    CollectionState state;
    int missing = 0;
};
} // namespace

QVector<IndexStatus> parseIndexes(const QJsonValue &data)
{
    QJsonArray list = data.toArray();
    if (data.isObject()) // some versions wrap the list
        list = data.toObject().value(QLatin1String("indexes")).toArray();
    QVector<IndexStatus> out;
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        IndexStatus i;
        i.fieldName = ResponseParser::toText(o.value(QLatin1String("fieldName")));
        i.indexName = ResponseParser::toText(o.value(QLatin1String("indexName")));
        i.serverState = ResponseParser::toText(o.value(QLatin1String("indexState")));
        i.state = indexStateFromServer(i.serverState);
        i.indexedRows = ResponseParser::toInt64(o.value(QLatin1String("indexedRows")));
        i.totalRows = ResponseParser::toInt64(o.value(QLatin1String("totalRows")));
        i.pendingRows = ResponseParser::toInt64(o.value(QLatin1String("pendingRows")));
        i.failReason = ResponseParser::toText(o.value(QLatin1String("failReason")));
        out << i;
    }
    return out;
}

void parseLoadState(const QJsonValue &data, CollectionState *into)
{
    const QJsonObject o = data.toObject();
    into->loadState = loadStateFromServer(ResponseParser::toText(o.value(QLatin1String("loadState"))));
    const std::optional<double> p = ResponseParser::toDouble(o.value(QLatin1String("loadProgress")));
    into->loadProgress = p ? std::optional<double>(ResponseParser::clampPercent(*p)) : std::nullopt;
}

std::optional<qint64> parseRowCount(const QJsonValue &data)
{
    return ResponseParser::toInt64(data.toObject().value(QLatin1String("rowCount")));
}

ClusterInfo parseCluster(const QJsonValue &data)
{
    const QJsonObject o = data.toObject();
    ClusterInfo c;
    c.clusterId = ResponseParser::toText(o.value(QLatin1String("clusterId")));
    c.clusterName = ResponseParser::toText(o.value(QLatin1String("clusterName")));
    c.regionId = ResponseParser::toText(o.value(QLatin1String("regionId")));
    c.status = ResponseParser::toText(o.value(QLatin1String("status")));
    c.connectAddress = ResponseParser::toText(o.value(QLatin1String("connectAddress")));
    return c;
}

QVector<ClusterInfo> parseClusterPage(const QJsonValue &data, std::optional<qint64> *count)
{
    const QJsonObject o = data.toObject();
    *count = ResponseParser::toInt64(o.value(QLatin1String("count")));
    QJsonArray list = o.value(QLatin1String("clusters")).toArray();
    if (list.isEmpty())
        list = o.value(QLatin1String("records")).toArray();
    QVector<ClusterInfo> out;
    for (const QJsonValue &v : list)
        out << parseCluster(v);
    return out;
}

void fetchCollection(ImportApiClient &client, const Endpoint &ep, const QString &collection, const QString &dbName,
                     QObject *context, CollectionCallback cb, Gate beforeNext)
{
    auto f = std::make_shared<Fetch>();
    f->state.name = collection;
    f->state.dbName = dbName;
    QPointer<ImportApiClient> self(&client);
    QPointer<QObject> ctx(context);
    const QJsonObject body = bodyFor(collection, dbName);
    auto gate = [beforeNext](std::function<void()> next) {
        if (beforeNext)
            beforeNext(std::move(next));
        else
            next();
    };
    auto finish = [f, cb] {
        f->state.present = f->missing < 3;
        cb(f->state, {});
    };
    // get_stats last: its row count is what the details compare with the rows imported.
    auto stats = [=] {
        if (!self || !ctx)
            return;
        self->exchangeJson("POST", ep, kStats, {}, body, ctx, [=](int status, bool isJson, const QJsonValue &data, const ApiError &e) {
            if (routeMissing(status, isJson, e))
                ++f->missing;
            else if (e.isError())
                return cb(f->state, e);
            else
                f->state.rowCount = parseRowCount(data);
            finish();
        });
    };
    auto load = [=] {
        if (!self || !ctx)
            return;
        self->exchangeJson("POST", ep, kLoadState, {}, body, ctx, [=](int status, bool isJson, const QJsonValue &data, const ApiError &e) {
            if (routeMissing(status, isJson, e))
                ++f->missing;
            else if (e.isError())
                return cb(f->state, e);
            else
                parseLoadState(data, &f->state);
            gate(stats);
        });
    };
    client.exchangeJson("POST", ep, kIndexes, {}, body, context, [=](int status, bool isJson, const QJsonValue &data, const ApiError &e) {
        if (routeMissing(status, isJson, e)) {
            ++f->missing;
        } else if (e.isError() && e.code.value_or(0) == kNoIndexCode) {
            f->state.indexesKnown = true; // no index was created: an empty list, not a failure
        } else if (e.isError()) {
            return cb(f->state, e);
        } else {
            f->state.indexes = parseIndexes(data);
            f->state.indexesKnown = true;
        }
        gate(load);
    });
}

void refreshLoad(ImportApiClient &client, const Endpoint &ep, const QString &collection, const QString &dbName,
                 QObject *context, ImportApiClient::DoneCallback cb)
{
    client.exchangeJson("POST", ep, kRefresh, {}, bodyFor(collection, dbName), context,
                        [cb](int, bool, const QJsonValue &, const ApiError &e) { cb(e); });
}

namespace {
void clusterPage(QPointer<ImportApiClient> self, const Endpoint &ep, int page, QVector<ClusterInfo> acc, QPointer<QObject> ctx,
                 ClustersCallback cb, Gate gate)
{
    if (!self || !ctx)
        return;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("pageSize"), QString::number(kClusterPageSize));
    q.addQueryItem(QStringLiteral("currentPage"), QString::number(page));
    self->exchangeJson("GET", ep, kClusters, q, {}, ctx, [=](int, bool, const QJsonValue &data, const ApiError &e) mutable {
        if (e.isError())
            return cb(acc, e);
        std::optional<qint64> count;
        const QVector<ClusterInfo> got = parseClusterPage(data, &count);
        acc += got;
        // Stop at a short page, or once the total the server gave is reached.
        const bool more = got.size() >= kClusterPageSize && !(count && acc.size() >= *count) && page < kMaxClusterPages;
        if (!more)
            return cb(acc, {});
        auto next = [=] { clusterPage(self, ep, page + 1, acc, ctx, cb, gate); };
        if (gate)
            gate(next);
        else
            next();
    });
}
} // namespace

void listClusters(ImportApiClient &client, const Endpoint &ep, QObject *context, ClustersCallback cb, Gate beforeNext)
{
    clusterPage(QPointer<ImportApiClient>(&client), ep, 1, {}, QPointer<QObject>(context), std::move(cb), std::move(beforeNext));
}

void describeCluster(ImportApiClient &client, const Endpoint &ep, const QString &clusterId, QObject *context, ClusterCallback cb)
{
    client.exchangeJson("GET", ep, kClusters + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(clusterId)), {}, {}, context,
                        [cb](int, bool, const QJsonValue &data, const ApiError &e) {
                            if (e.isError())
                                return cb({}, e);
                            cb(parseCluster(data), {});
                        });
}

} // namespace CollectionApi
