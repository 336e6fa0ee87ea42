#include "JobFilterProxy.h"

#include "ImportTypes.h"
#include "JobsModel.h"

JobFilterProxy::JobFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobsModel::SortRole);
    setDynamicSortFilter(true);
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
}

void JobFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool JobFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = JobState(idx.data(JobsModel::StateRole).toInt());
    switch (m_state) {
    case StateFilter::All: break;
    case StateFilter::Active:
        if (state != JobState::Pending && state != JobState::Running && state != JobState::Finalizing && state != JobState::Unknown)
            return false;
        break;
    case StateFilter::Failed:
        if (state != JobState::Failed && state != JobState::Cancelled)
            return false;
        break;
    case StateFilter::Completed:
        if (state != JobState::Completed)
            return false;
        break;
    case StateFilter::Expired:
        if (state != JobState::Expired)
            return false;
        break;
    }
    if (!m_connection.isEmpty() && idx.data(JobsModel::ConnectionIdRole).toString() != m_connection)
        return false;
    if (!m_text.isEmpty() && !idx.data(JobsModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}
