#pragma once
// Filters the jobs table by state group, connection, collection and text; sorts on raw values; counts the jobs
// of each state group (for the window's tabs) under the other filters.

#include <QSortFilterProxyModel>

enum class JobState;

class JobFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter { All, Active, Failed, Completed, Expired, Searchable }; // Searchable: indexed and loaded

    explicit JobFilterProxy(QObject *parent = nullptr);
    void setStateFilter(StateFilter f);
    StateFilter stateFilter() const { return m_state; }
    void setConnectionFilter(const QString &connectionId); // "" = every connection
    void setCollectionFilter(const QString &collection);   // "" = every collection
    QString collectionFilter() const { return m_collection; }
    void setText(const QString &text);
    // How many jobs a tab for `f` would show with the connection, collection and text filters as they are.
    int countFor(StateFilter f) const;
    // The collections of the jobs under the connection filter, sorted, for a "collection" chooser.
    QStringList collections() const;
    static bool inGroup(StateFilter f, JobState state);
    // The same for a row of JobsModel: Searchable is not a JobState but the job's collection (after the import).
    static bool inGroup(StateFilter f, const QModelIndex &jobRow);

Q_SIGNALS:
    // Jobs came, went or changed state, or a filter changed: countFor() may say something else now.
    void countsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool passesOtherFilters(int sourceRow) const; // everything but the state group

    StateFilter m_state = StateFilter::All;
    QString m_connection;
    QString m_collection;
    QString m_text;
};
