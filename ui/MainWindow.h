#pragma once
// The main window: jobs table (filter, search, sort), the selected job's phase, error and files,
// connection health in the status bar. Everything a user does here has a keyboard shortcut.

#include <QMainWindow>
#include <QPointer>
#include <functional>

class ImportService;
class NotificationCenter;
class TrayIcon;
class JobsModel;
class FilesModel;
class JobFilterProxy;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTabBar;
class QTableView;
class QTimer;
struct JobRecord;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ImportService *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and for notifications ("clicking one raises the window on that job").
    void selectJob(const QString &key);
    QString selectedJobKey() const;
    QTableView *jobsView() const { return m_jobsView; }
    QTableView *filesView() const { return m_filesView; }
    JobFilterProxy *proxy() const { return m_proxy; }
    JobsModel *jobsModel() const { return m_jobsModel; }
    FilesModel *filesModel() const { return m_filesModel; }
    QString phaseText() const;
    QString errorText() const;
    QString healthText() const;
    QString emptyText() const;
    QLineEdit *searchEdit() const { return m_search; }
    QTabBar *stateTabs() const { return m_stateTabs; }
    QString supportReportForSelection() const;
    bool exportTo(const QString &path, QString *error) const;
    // Notifications and tray, when the app has them (the window works without).
    void setDesktopIntegration(NotificationCenter *notifications, TrayIcon *tray);
    // Asks the user to confirm (tests replace it).
    void setConfirmHandler(std::function<bool(const QString &title, const QString &text)> confirm) { m_confirm = std::move(confirm); }

public Q_SLOTS:
    void addConnection();
    void editConnection();
    void removeConnection();
    void addJob();
    void refresh();
    void copySelection();       // Ctrl+C: the error of the selected job or file (else its ID / name)
    void copySupportReport();   // Ctrl+Shift+C
    void exportSelection();
    void removeSelectedJobs();
    void focusSearch();
    void showPreferences();
    void showAndRaise(const QString &jobKey); // a notification was clicked
    void newImport();
    void retrySelected();       // re-creates a failed job (dialog pre-filled when its parameters are unknown)
    void commitSelected();      // two-phase jobs waiting in Uncommitted
    void abortSelected();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void restoreLayout();
    void saveLayout() const;
    void showSelected();
    void updateHealth();
    void updateEmptyState();
    void updateConnectionFilter();
    QVector<JobRecord> selectedRecords() const;
    QString currentConnectionId() const;

    ImportService *m_service;
    JobsModel *m_jobsModel;
    JobFilterProxy *m_proxy;
    FilesModel *m_filesModel;
    QTableView *m_jobsView = nullptr;
    QTableView *m_filesView = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_phase = nullptr;
    QPlainTextEdit *m_error = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_health = nullptr;
    QTabBar *m_stateTabs = nullptr;
    QComboBox *m_connectionFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDebounce = nullptr;
    QTimer *m_healthTimer = nullptr;
    QString m_selectedKey;
    QAction *m_addConnection = nullptr, *m_editConnection = nullptr, *m_removeConnection = nullptr, *m_addJob = nullptr,
            *m_refresh = nullptr, *m_copy = nullptr, *m_copyReport = nullptr, *m_export = nullptr, *m_removeJob = nullptr,
            *m_find = nullptr, *m_quit = nullptr, *m_newImport = nullptr, *m_retry = nullptr, *m_commit = nullptr,
            *m_abort = nullptr;
    std::function<bool(const QString &, const QString &)> m_confirm;
    QPointer<NotificationCenter> m_notifications;
    QPointer<TrayIcon> m_tray;
    QAction *m_preferences = nullptr;
    void updateJobActions();
};
