#pragma once
// The jobs table with what narrows it: state tabs, a connection filter (shown with two or more connections), a
// collection filter (shown with two or more collections), a debounced search field, and a placeholder that says why the table is empty.

#include <QWidget>

class EmptyState;
class ImportService;
class JobFilterProxy;
class JobsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QTabBar;
class QTableView;
class QTimer;

class JobsTable : public QWidget
{
    Q_OBJECT
public:
    JobsTable(ImportService *service, JobsModel *model, JobFilterProxy *proxy, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QTabBar *stateTabs() const { return m_stateTabs; }
    QComboBox *collectionFilter() const { return m_collectionFilter; }
    QLineEdit *searchEdit() const { return m_search; }
    // The connection picked in the filter, or empty for all.
    QString filteredConnectionId() const;
    QString emptyText() const;
    // Shows every job again (a job hidden by a filter was asked for).
    void clearFilters();
    void updateConnections();
    void updateEmptyState();
    void restoreState(const QSettings &settings);
    void saveState(QSettings &settings) const;
    // The first-run state (no connection yet), over the table.
    EmptyState *firstRun() const { return m_firstRun; }
    // The header's menu of columns (right-click on the header), built fresh.
    QMenu *columnsMenu();
    // Fits the columns to their content and to the room there is now (done once on first show with no saved layout).
    void fitColumns();
    // The state tabs' counts, brought up to date now (they follow the jobs by themselves, coalesced).
    void updateCounts();
    // The collection filter's choices: the collections of the jobs shown for the connection filter.
    void updateCollections();

Q_SIGNALS:
    void currentJobChanged(const QString &key);
    void addConnectionRequested();
    void openDemoRequested();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ImportService *m_service;
    JobsModel *m_model;
    JobFilterProxy *m_proxy;
    QTabBar *m_stateTabs;
    QComboBox *m_connectionFilter;
    QComboBox *m_collectionFilter;
    QLineEdit *m_search;
    QTimer *m_searchDebounce;
    QTableView *m_view;
    QLabel *m_empty;
    EmptyState *m_firstRun;
    JobFilterProxy *m_counter;  // counts per state tab, with the connection filter of the table
    QTimer *m_countsTimer;
    QStringList m_tabNames;
    bool m_fitted = false;      // columns fitted, or a saved layout restored
};
