#include "JobFilterProxy.h"

#include "ImportTypes.h"
#include "JobsModel.h"

#include <QSet>

JobFilterProxy::JobFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobsModel::SortRole);
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &JobFilterProxy::countsChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &JobFilterProxy::countsChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &JobFilterProxy::countsChanged);
    connect(this, &QSortFilterProxyModel::sourceModelChanged, this, [this] {
        if (!sourceModel())
            return;
        // A state change moves a job between tabs even when this proxy's rows stay (the "All" tab). The clock's
        // tick repaints only the time columns, after the state column: it recounts nothing.
        connect(sourceModel(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
            if (from.column() <= JobsModel::StateColumn && to.column() >= JobsModel::StateColumn)
                Q_EMIT countsChanged();
        });
        connect(sourceModel(), &QAbstractItemModel::rowsInserted, this, &JobFilterProxy::countsChanged);
        connect(sourceModel(), &QAbstractItemModel::rowsRemoved, this, &JobFilterProxy::countsChanged);
    });
}

void JobFilterProxy::setStateFilter(StateFilter f)
{
    m_state = f;
    invalidateFilter();
}

void JobFilterProxy::setConnectionFilter(const QString &connectionId)
{
    m_connection = connectionId;
    invalidateFilter();
    Q_EMIT countsChanged();
}

void JobFilterProxy::setCollectionFilter(const QString &collection)
{
    m_collection = collection;
    invalidateFilter();
    Q_EMIT countsChanged();
}

void JobFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
    Q_EMIT countsChanged();
}

bool JobFilterProxy::inGroup(StateFilter f, JobState state)
{
    switch (f) {
    case StateFilter::All: return true;
    case StateFilter::Active:
        return state == JobState::Pending || state == JobState::Running || state == JobState::Finalizing || state == JobState::Unknown;
    case StateFilter::Failed: return state == JobState::Failed || state == JobState::Cancelled;
    case StateFilter::Completed: return state == JobState::Completed;
    case StateFilter::Expired: return state == JobState::Expired;
    case StateFilter::Searchable: return false; // needs the row: see the overload below
    }
    return false;
}

bool JobFilterProxy::passesOtherFilters(int sourceRow) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0);
    if (!m_connection.isEmpty() && idx.data(JobsModel::ConnectionIdRole).toString() != m_connection)
        return false;
    if (!m_collection.isEmpty() && idx.data(JobsModel::CollectionRole).toString() != m_collection)
        return false;
    if (!m_text.isEmpty() && !idx.data(JobsModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool JobFilterProxy::inGroup(StateFilter f, const QModelIndex &jobRow)
{
    if (f == StateFilter::Searchable)
        return jobRow.data(JobsModel::CollectionPhaseRole).toInt() == int(CollectionPhase::Searchable);
    return inGroup(f, JobState(jobRow.data(JobsModel::StateRole).toInt()));
}

bool JobFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    return inGroup(m_state, idx) && passesOtherFilters(sourceRow);
}

int JobFilterProxy::countFor(StateFilter f) const
{
    const QAbstractItemModel *m = sourceModel();
    int n = 0;
    for (int row = 0; m && row < m->rowCount(); ++row)
        n += inGroup(f, m->index(row, 0)) && passesOtherFilters(row) ? 1 : 0;
    return n;
}

QStringList JobFilterProxy::collections() const
{
    const QAbstractItemModel *m = sourceModel();
    QSet<QString> names;
    for (int row = 0; m && row < m->rowCount(); ++row) {
        const QModelIndex idx = m->index(row, 0);
        if (!m_connection.isEmpty() && idx.data(JobsModel::ConnectionIdRole).toString() != m_connection)
            continue;
        const QString name = idx.data(JobsModel::CollectionRole).toString();
        if (!name.isEmpty())
            names.insert(name);
    }
    QStringList out(names.cbegin(), names.cend());
    out.sort(Qt::CaseInsensitive);
    return out;
}
