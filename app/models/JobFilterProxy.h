#pragma once
// Filters the jobs table by state group, connection and text; sorts on raw values.

#include <QSortFilterProxyModel>

class JobFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter { All, Active, Failed, Completed, Expired };

    explicit JobFilterProxy(QObject *parent = nullptr);
    void setStateFilter(StateFilter f);
    StateFilter stateFilter() const { return m_state; }
    void setConnectionFilter(const QString &connectionId); // "" = every connection
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StateFilter m_state = StateFilter::All;
    QString m_connection;
    QString m_text;
};
