// The simulator after the import: a collection's row count, its index building behind the imported rows and
// its load state (protocol.md §7), and Import V3's state names.

#include "SimEngine.h"

namespace {
QString specKey(const QString &db, const QString &collection)
{
    return (db.isEmpty() ? QStringLiteral("default") : db) + QLatin1Char('/') + collection;
}
} // namespace

SimCollectionSpec SimEngine::specFor(const QString &db, const QString &collection) const
{
    const auto it = m_specs.constFind(specKey(db, collection));
    if (it != m_specs.constEnd())
        return *it;
    SimCollectionSpec s;
    s.name = collection;
    s.db = db.isEmpty() ? QStringLiteral("default") : db;
    return s;
}

SimCollectionStatus SimEngine::collectionStatus(const QString &dbIn, const QString &collection) const
{
    const QString db = dbIn.isEmpty() ? QStringLiteral("default") : dbIn;
    SimCollectionStatus out;
    const double t = now();
    out.exists = m_specs.contains(specKey(db, collection))
        || (db == QLatin1String("default") && (m_scenario.collections.isEmpty() || m_scenario.collections.contains(collection)));
    const SimCollectionSpec spec = specFor(db, collection);
    const double rate = spec.indexRowsPerSecond >= 0 ? spec.indexRowsPerSecond : m_scenario.indexRowsPerSecond;
    qint64 total = spec.baseRows, indexed = spec.baseRows;
    out.rowCount = spec.baseRows;
    for (const SimJob &j : m_scenario.jobs) {
        if (j.db != db || j.collection != collection || j.createdAt > t)
            continue;
        out.exists = true;
        const SimJobStatus st = summary(j);
        if (st.state == SimState::Failed || !simTimeSet(st.indexFrom) || t < st.indexFrom)
            continue;
        // Its rows are written: the index builds behind them, at the collection's rate, past the job's end.
        total += st.totalRows;
        indexed += std::min<qint64>(st.totalRows, static_cast<qint64>(rate * (t - st.indexFrom)));
        if (st.state == SimState::Completed)
            out.rowCount += st.totalRows;
    }
    out.hasIndex = spec.hasIndex;
    if (spec.hasIndex) {
        SimIndexStatus ix;
        ix.fieldName = spec.fieldName;
        ix.indexName = spec.indexName;
        ix.totalRows = total;
        ix.indexedRows = indexed;
        ix.pendingRows = total - indexed;
        if (!spec.indexFailReason.isEmpty() && total > spec.baseRows) {
            ix.state = QStringLiteral("Failed");
            ix.failReason = spec.indexFailReason;
        } else {
            ix.state = ix.pendingRows > 0 ? QStringLiteral("InProgress") : QStringLiteral("Finished");
        }
        out.indexes << ix;
    }
    if (!spec.load || t < spec.loadAt) {
        out.loadState = QStringLiteral("LoadStateNotLoad");
    } else if (t < spec.loadAt + spec.loadSeconds) {
        out.loadState = QStringLiteral("LoadStateLoading");
        out.loadProgress = static_cast<int>(100 * (t - spec.loadAt) / spec.loadSeconds);
    } else {
        out.loadState = QStringLiteral("LoadStateLoaded");
        out.loadProgress = 100;
    }
    return out;
}

int SimEngine::refreshLoad(const QString &db, const QString &collection, QString *message)
{
    const SimCollectionStatus st = collectionStatus(db, collection);
    if (!st.exists) {
        *message = QStringLiteral("collection not found[database=%1][collection=%2]").arg(db.isEmpty() ? QStringLiteral("default") : db, collection);
        return 100;
    }
    if (st.loadState == QLatin1String("LoadStateNotLoad")) {
        *message = QStringLiteral("collection not loaded[collection=%1]").arg(collection);
        return 101;
    }
    // The new segments load: a short Loading, then Loaded again.
    SimCollectionSpec spec = specFor(db, collection);
    spec.loadAt = now();
    spec.loadSeconds = 2;
    m_specs.insert(specKey(db, collection), spec);
    return 0;
}
