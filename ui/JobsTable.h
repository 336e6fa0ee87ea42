#pragma once
// The jobs table with what narrows it: state tabs, a connection filter (shown with two or more connections), a
// debounced search field, and a placeholder that says why the table is empty.

#include <QWidget>

class ImportService;
class JobFilterProxy;
class JobsModel;
class QComboBox;
class QLabel;
class QLineEdit;
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

Q_SIGNALS:
    void currentJobChanged(const QString &key);

private:
    ImportService *m_service;
    JobsModel *m_model;
    JobFilterProxy *m_proxy;
    QTabBar *m_stateTabs;
    QComboBox *m_connectionFilter;
    QLineEdit *m_search;
    QTimer *m_searchDebounce;
    QTableView *m_view;
    QLabel *m_empty;
};
