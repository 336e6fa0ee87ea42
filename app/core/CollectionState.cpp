#include "CollectionState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace {
QJsonValue optInt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue();
}

QString rows(qint64 n)
{
    if (n >= 1000000)
        return QStringLiteral("%1 M").arg(n / 1e6, 0, 'f', 1);
    if (n >= 10000)
        return QStringLiteral("%1 k").arg(n / 1e3, 0, 'f', 0);
    return QString::number(n);
}
} // namespace

QString loadStateName(LoadState s)
{
    switch (s) {
    case LoadState::Loaded: return QStringLiteral("loaded");
    case LoadState::Loading: return QStringLiteral("loading");
    case LoadState::NotLoaded: return QStringLiteral("notLoaded");
    case LoadState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

LoadState loadStateFromServer(const QString &serverState)
{
    const QString s = serverState.trimmed().toLower();
    if (s == QLatin1String("loadstateloaded") || s == QLatin1String("loaded"))
        return LoadState::Loaded;
    if (s == QLatin1String("loadstateloading") || s == QLatin1String("loading"))
        return LoadState::Loading;
    // NotExist: a collection that is not loaded anywhere is, for a search, not loaded.
    if (s == QLatin1String("loadstatenotload") || s == QLatin1String("loadstatenotexist") || s == QLatin1String("notload")
        || s == QLatin1String("notloaded"))
        return LoadState::NotLoaded;
    return LoadState::Unknown;
}

QString indexStateName(IndexState s)
{
    switch (s) {
    case IndexState::Finished: return QStringLiteral("finished");
    case IndexState::Building: return QStringLiteral("building");
    case IndexState::Failed: return QStringLiteral("failed");
    case IndexState::None: return QStringLiteral("none");
    case IndexState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

IndexState indexStateFromServer(const QString &serverState)
{
    const QString s = serverState.trimmed().toLower();
    if (s == QLatin1String("finished"))
        return IndexState::Finished;
    if (s == QLatin1String("inprogress") || s == QLatin1String("unissued") || s == QLatin1String("retry"))
        return IndexState::Building;
    if (s == QLatin1String("failed"))
        return IndexState::Failed;
    if (s == QLatin1String("indexstatenone") || s == QLatin1String("none"))
        return IndexState::None;
    return IndexState::Unknown;
}

bool IndexStatus::operator==(const IndexStatus &o) const
{
    return fieldName == o.fieldName && indexName == o.indexName && state == o.state && serverState == o.serverState
        && indexedRows == o.indexedRows && totalRows == o.totalRows && pendingRows == o.pendingRows && failReason == o.failReason;
}

bool CollectionState::indexed() const
{
    if (indexes.isEmpty() || waitingForRows)
        return false;
    for (const IndexStatus &i : indexes) {
        if (i.state != IndexState::Finished || i.pendingRows.value_or(0) > 0)
            return false;
    }
    return true;
}

bool CollectionState::indexFailed() const
{
    for (const IndexStatus &i : indexes) {
        if (i.state == IndexState::Failed)
            return true;
    }
    return false;
}

bool CollectionState::settled() const
{
    // A failed index is final even before the job's rows show; anything else may still be the old figures.
    if (!present || (waitingForRows && !indexFailed()))
        return false;
    for (const IndexStatus &i : indexes) {
        if (i.state != IndexState::Finished && i.state != IndexState::Failed)
            return false;
        if (i.state == IndexState::Finished && i.pendingRows.value_or(0) > 0)
            return false;
    }
    return loadState == LoadState::Loaded || loadState == LoadState::NotLoaded;
}

qint64 CollectionState::indexedRowsSum() const
{
    qint64 n = 0;
    for (const IndexStatus &i : indexes)
        n += i.indexedRows.value_or(0);
    return n;
}

qint64 CollectionState::totalRowsSum() const
{
    qint64 n = 0;
    for (const IndexStatus &i : indexes)
        n += i.totalRows.value_or(0);
    return n;
}

bool CollectionState::operator==(const CollectionState &o) const
{
    return present == o.present && name == o.name && dbName == o.dbName && rowCount == o.rowCount && loadState == o.loadState
        && loadProgress == o.loadProgress && indexes == o.indexes && indexesKnown == o.indexesKnown
        && waitingForRows == o.waitingForRows && refreshing == o.refreshing;
}

QJsonValue collectionToJson(const CollectionState &c)
{
    if (!c.present)
        return QJsonValue(QJsonValue::Null);
    QJsonArray indexes;
    for (const IndexStatus &i : c.indexes) {
        indexes.append(QJsonObject{{QStringLiteral("fieldName"), i.fieldName},
                                   {QStringLiteral("indexName"), i.indexName},
                                   {QStringLiteral("state"), indexStateName(i.state)},
                                   {QStringLiteral("serverState"), i.serverState},
                                   {QStringLiteral("indexedRows"), optInt(i.indexedRows)},
                                   {QStringLiteral("totalRows"), optInt(i.totalRows)},
                                   {QStringLiteral("pendingRows"), optInt(i.pendingRows)},
                                   {QStringLiteral("failReason"), i.failReason}});
    }
    return QJsonObject{{QStringLiteral("name"), c.name},
                       {QStringLiteral("rowCount"), optInt(c.rowCount)},
                       {QStringLiteral("loadState"), loadStateName(c.loadState)},
                       {QStringLiteral("loadProgress"), c.loadProgress ? QJsonValue(*c.loadProgress) : QJsonValue()},
                       {QStringLiteral("indexes"), indexes},
                       {QStringLiteral("indexed"), c.indexed()},
                       {QStringLiteral("searchable"), c.searchable()}};
}

QString collectionPhaseText(const CollectionState &c)
{
    if (!c.present)
        return {};
    if (c.indexFailed())
        return QCoreApplication::translate("CollectionState", "Index build failed");
    if (c.searchable() && c.loadState == LoadState::Loading)
        return QCoreApplication::translate("CollectionState", "Searchable — refreshing the load (%1 %)").arg(qRound(c.loadProgress.value_or(0)));
    if (c.searchable())
        return QCoreApplication::translate("CollectionState", "Searchable");
    if (c.indexed())
        return c.loadState == LoadState::Loading
            ? QCoreApplication::translate("CollectionState", "Indexed, loading (%1 %)").arg(qRound(c.loadProgress.value_or(0)))
            : QCoreApplication::translate("CollectionState", "Indexed, not loaded — load the collection to search it");
    if (c.indexesKnown && c.indexes.isEmpty())
        return QCoreApplication::translate("CollectionState", "No index — create one to search the collection");
    // Before the job's rows show, the figures are the collection's old ones: no count that would read as done.
    if (c.totalRowsSum() > 0 && (!c.waitingForRows || c.totalRowsSum() > c.indexedRowsSum()))
        return QCoreApplication::translate("CollectionState", "Building the index — %1 of %2 rows")
            .arg(rows(c.indexedRowsSum()), rows(c.totalRowsSum()));
    return QCoreApplication::translate("CollectionState", "Building the index");
}

QString collectionText(const CollectionState &c)
{
    if (!c.present)
        return {};
    QString t = QStringLiteral("Collection:  %1%2\n").arg(c.name, c.dbName.isEmpty() || c.dbName == QLatin1String("default")
                                                                     ? QString() : QStringLiteral(" (database %1)").arg(c.dbName));
    t += QStringLiteral("  State:     %1\n").arg(collectionPhaseText(c));
    // Grouped as everywhere else in the report ("20,000", not "20000").
    const QLocale loc;
    t += QStringLiteral("  Rows:      %1\n").arg(c.rowCount ? loc.toString(*c.rowCount) : QStringLiteral("unknown"));
    QString load = loadStateName(c.loadState);
    if (c.loadState == LoadState::Loading && c.loadProgress)
        load += QStringLiteral(" (%1 %)").arg(qRound(*c.loadProgress));
    t += QStringLiteral("  Load:      %1\n").arg(load);
    if (c.indexesKnown && c.indexes.isEmpty())
        t += QStringLiteral("  Indexes:   none\n");
    for (const IndexStatus &i : c.indexes) {
        t += QStringLiteral("  Index %1 on %2: %3").arg(i.indexName, i.fieldName, indexStateName(i.state));
        if (i.totalRows)
            t += QStringLiteral(", %1 of %2 rows indexed").arg(loc.toString(i.indexedRows.value_or(0)), loc.toString(*i.totalRows));
        if (i.pendingRows.value_or(0) > 0)
            t += QStringLiteral(", %1 pending").arg(loc.toString(*i.pendingRows));
        t += QLatin1Char('\n');
        if (!i.failReason.isEmpty())
            t += QStringLiteral("    Reason: %1\n").arg(i.failReason);
    }
    return t;
}

CollectionPhase collectionPhase(const CollectionState &c)
{
    if (!c.present)
        return CollectionPhase::None;
    if (c.indexFailed())
        return CollectionPhase::IndexFailed;
    if (c.searchable())
        return CollectionPhase::Searchable;
    if (c.indexed())
        return CollectionPhase::Indexed;
    return CollectionPhase::Building;
}

QString collectionPhaseName(CollectionPhase p)
{
    switch (p) {
    case CollectionPhase::Building: return QStringLiteral("building");
    case CollectionPhase::Indexed: return QStringLiteral("indexed");
    case CollectionPhase::Searchable: return QStringLiteral("searchable");
    case CollectionPhase::IndexFailed: return QStringLiteral("indexFailed");
    case CollectionPhase::None: break;
    }
    return QStringLiteral("none");
}
