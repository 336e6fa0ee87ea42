#pragma once
// The main window: a shell around the jobs table (filter, search, sort), the selected job's details, the
// connection health in the status bar and the window's actions; it keeps the selection and runs the commands.
// Everything a user does here has a keyboard shortcut.

#include <QMainWindow>
#include <QPointer>
#include <functional>

class ImportService;
class NotificationCenter;
class TrayIcon;
class JobsModel;
class FilesModel;
class JobFilterProxy;
class ConnectionStatus;
class StatusMessages;
class JobDetailsPanel;
class JobsTable;
class WindowActions;
class QLineEdit;
class QSplitter;
class QTabBar;
class QTableView;
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
    QTableView *jobsView() const;
    QTableView *filesView() const;
    JobFilterProxy *proxy() const { return m_proxy; }
    JobsModel *jobsModel() const { return m_jobsModel; }
    FilesModel *filesModel() const { return m_filesModel; }
    QString phaseText() const;
    QString errorText() const;
    QString healthText() const;
    StatusMessages *statusMessages() const { return m_messages; }
    QString emptyText() const;
    QLineEdit *searchEdit() const;
    QTabBar *stateTabs() const;
    QString supportReportForSelection() const;
    bool exportTo(const QString &path, QString *error) const;
    // Notifications and tray, when the app has them (the window works without).
    void setDesktopIntegration(NotificationCenter *notifications, TrayIcon *tray);
    // The demo: a simulated server and a history that is not the user's. Adding a connection is refused there (it
    // would be lost with the demo's history), saying why.
    void setDemoMode(bool demo);
    bool isDemoMode() const { return m_demo; }
    static QString demoRefusal();
    // Closing into the tray: whether a tray can hold the window, and the one-time question (tests replace both).
    void setCloseToTrayHandlers(std::function<bool()> trayAvailable, std::function<bool()> askKeepRunning)
    {
        m_trayAvailable = std::move(trayAvailable);
        m_askKeepRunning = std::move(askKeepRunning);
    }
    // Starts `bulkwatch ARGS` on its own (the first-run state's "Open the demo"; tests replace it).
    void setProcessStarter(std::function<bool(const QStringList &args)> start) { m_openDemo = std::move(start); }
    JobsTable *jobsTable() const { return m_table; }
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
    void exportSelectionTo(const QString &path); // the export without its file dialog
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
    void setSelectedJob(const QString &key);
    void restoreLayout();
    void saveLayout() const;
    void showSelected();
    void updateConnections();
    void updateJobActions();
    QVector<JobRecord> selectedRecords() const;
    QString currentConnectionId() const;

    ImportService *m_service;
    JobsModel *m_jobsModel;
    JobFilterProxy *m_proxy;
    FilesModel *m_filesModel;
    WindowActions *m_actions = nullptr;
    JobsTable *m_table = nullptr;
    JobDetailsPanel *m_details = nullptr;
    ConnectionStatus *m_health = nullptr;
    StatusMessages *m_messages = nullptr;
    QSplitter *m_splitter = nullptr;
    QString m_selectedKey;
    bool m_demo = false;
    bool m_autoSelected = false; // the selection is the one made on opening
    std::function<bool(const QStringList &)> m_openDemo;
    std::function<bool(const QString &, const QString &)> m_confirm;
    std::function<bool()> m_trayAvailable;
    std::function<bool()> m_askKeepRunning;
    QPointer<NotificationCenter> m_notifications;
    QPointer<TrayIcon> m_tray;
};
