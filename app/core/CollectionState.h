#pragma once
// What follows an import (protocol.md §7): the job's collection, its indexes and load state. "Searchable" means
// indexed (at least one index, every index finished, no pending rows) and loaded.

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QVector>
#include <optional>

enum class LoadState { Loaded, Loading, NotLoaded, Unknown };
enum class IndexState { Finished, Building, Failed, None, Unknown };

QString loadStateName(LoadState s);   // "loaded", "loading", "notLoaded", "unknown" (the CLI's JSON words)
LoadState loadStateFromServer(const QString &serverState); // LoadStateLoaded, LoadStateLoading, LoadStateNotLoad, …
QString indexStateName(IndexState s); // "finished", "building", "failed", "none", "unknown"
IndexState indexStateFromServer(const QString &serverState); // InProgress, Unissued and Retry are building

struct IndexStatus
{
    QString fieldName;
    QString indexName;
    IndexState state = IndexState::Unknown;
    QString serverState;
    std::optional<qint64> indexedRows;
    std::optional<qint64> totalRows;
    std::optional<qint64> pendingRows;
    QString failReason;

    bool operator==(const IndexStatus &o) const;
    bool operator!=(const IndexStatus &o) const { return !(*this == o); }
};

struct CollectionState
{
    bool present = false;   // false: not followed yet, or the server has none of the endpoints (plain 404)
    QString name;
    QString dbName;
    std::optional<qint64> rowCount;
    LoadState loadState = LoadState::Unknown;
    std::optional<double> loadProgress; // 0..100
    QVector<IndexStatus> indexes;
    bool indexesKnown = false; // indexes/describe answered (an empty list then means: no index)
    // The job's own rows are not in these figures yet: it has not completed (Milvus' plateau), or the collection's
    // count has not caught up with what it imported. Such figures are of the collection before the import — an
    // empty collection's index is "finished" — so it is neither indexed nor settled yet (set by the service).
    bool waitingForRows = false;
    // A refresh_load asked by the user is under way: the collection stays searchable while it loads its new segments.
    bool refreshing = false;

    bool indexed() const;
    bool searchable() const
    {
        return indexed() && (loadState == LoadState::Loaded || (refreshing && loadState == LoadState::Loading));
    }
    bool indexFailed() const;
    // Nothing more will change by itself: every index finished or failed, the load state not moving.
    bool settled() const;
    // Rows the indexes still have to build, summed (for "Building the index — 3.1 M of 5 M rows").
    qint64 indexedRowsSum() const;
    qint64 totalRowsSum() const;

    bool operator==(const CollectionState &o) const;
    bool operator!=(const CollectionState &o) const { return !(*this == o); }
};

// Where a job is after its rows, in one step of a ladder (a notification is due when it moves).
enum class CollectionPhase { None, Building, Indexed, Searchable, IndexFailed };
Q_DECLARE_METATYPE(CollectionPhase)
CollectionPhase collectionPhase(const CollectionState &c);
QString collectionPhaseName(CollectionPhase p); // "none", "building", "indexed", "searchable", "indexFailed"

// The CLI's "collection" object (issue 16's contract); a state that is not present is null (QJsonValue::Null).
QJsonValue collectionToJson(const CollectionState &c);
// The same in words, a few lines for `bulkwatch status`.
QString collectionText(const CollectionState &c);
// One phrase for a job's phase after its rows: "Building the index — 3.1 M of 5 M rows", "Searchable", …
QString collectionPhaseText(const CollectionState &c);

// A Zilliz Cloud cluster as the control plane lists it (GET /v2/clusters).
struct ClusterInfo
{
    QString clusterId;
    QString clusterName;
    QString regionId;
    QString status;         // RUNNING, ABNORMAL, FROZEN, RESIZING, … verbatim
    QString connectAddress; // the cluster's own endpoint: it serves the collection endpoints
};
