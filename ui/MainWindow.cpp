#include "MainWindow.h"

#include "AddJobDialog.h"
#include "ConnectionDialog.h"
#include "ConnectionStatus.h"
#include "ErrorAdvice.h"
#include "FilesModel.h"
#include "ImportService.h"
#include "CollectionSection.h"
#include "JobDetailsPanel.h"
#include "JobExport.h"
#include "JobFilterProxy.h"
#include "JobsModel.h"
#include "JobsTable.h"
#include "NewImportDialog.h"
#include "NotificationCenter.h"
#include "SettingsDialog.h"
#include "StatusMessages.h"
#include "TrayIcon.h"
#include "UnconfirmedCreatesBar.h"
#include "WindowActions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// Resizes of the jobs view's viewport (the window, the splitter): the rows on screen change.
class ResizeWatcher : public QObject
{
public:
    ResizeWatcher(QWidget *watched, std::function<void()> changed) : QObject(watched), m_changed(std::move(changed))
    {
        watched->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            m_changed();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_changed;
};
} // namespace

MainWindow::MainWindow(ImportService *service, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_jobsModel(new JobsModel(service, this)),
      m_proxy(new JobFilterProxy(this)), m_filesModel(new FilesModel(this))
{
    setWindowTitle(tr("Bulkwatch"));
    setWindowIcon(TrayIcon::appIcon());
    m_proxy->setSourceModel(m_jobsModel);
    // The confirming button says what it does ("Commit import", "Remove 3 jobs"), not Yes; Cancel is the default.
    m_confirm = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
        QPushButton *go = box.addButton(title, QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == go;
    };
    m_actions = new WindowActions(this);
    m_trayAvailable = [this] { return m_tray && m_tray->canHoldTheWindow(); };
    m_askKeepRunning = [this] {
        QMessageBox box(QMessageBox::Question, tr("Keep watching?"),
                        tr("Keep Bulkwatch running in the tray to be notified when imports end?"), QMessageBox::NoButton, this);
        QPushButton *keep = box.addButton(tr("Keep running in the tray"), QMessageBox::YesRole);
        box.addButton(tr("Quit Bulkwatch"), QMessageBox::NoRole);
        box.setDefaultButton(keep);
        box.setInformativeText(tr("You can change this in Preferences."));
        box.exec();
        return box.clickedButton() == keep;
    };

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_table = new JobsTable(service, m_jobsModel, m_proxy, m_splitter);
    m_details = new JobDetailsPanel(m_filesModel, m_splitter);
    // The details follow the model's clock; their Commit / Abort buttons do what the menu actions do.
    m_details->setJobsModel(m_jobsModel);
    m_details->collectionSection()->setService(service); // its Refresh load
    connect(m_details, &JobDetailsPanel::commitRequested, this, &MainWindow::commitSelected);
    connect(m_details, &JobDetailsPanel::abortRequested, this, &MainWindow::abortSelected);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    // At least the header and four jobs, with a large font too (the details would otherwise leave two rows).
    m_table->setMinimumHeight(5 * (fontMetrics().height() + 10) + 8);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // Imports a crash left without an answer, above the jobs until the user resends or discards them.
    auto *unconfirmed = new UnconfirmedCreatesBar(service, central);
    layout->addWidget(unconfirmed);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    connect(unconfirmed, &UnconfirmedCreatesBar::info, this, [this](const QString &t) { m_messages->showInfo(t); });
    connect(unconfirmed, &UnconfirmedCreatesBar::error, this, [this](const QString &t) { m_messages->showError(t); });
    connect(unconfirmed, &UnconfirmedCreatesBar::jobStarted, this, &MainWindow::selectJob);
    // Messages take the stretch; the health line sits at the right and gives way (elided) when room is short.
    m_messages = new StatusMessages(this);
    statusBar()->addWidget(m_messages, 1);
    m_health = new ConnectionStatus(service, this);
    statusBar()->addPermanentWidget(m_health);

    // Right-click menus, and the tables' own Ctrl+C and Delete (their shortcut context is the table).
    m_table->view()->addActions({m_actions->copy, m_actions->removeJob, m_actions->copyReport, m_actions->exportJobs,
                                 m_actions->retry, m_actions->commit, m_actions->abort});
    filesView()->addAction(m_actions->copy);
    restoreLayout();

    connect(m_table, &JobsTable::currentJobChanged, this, &MainWindow::setSelectedJob);
    connect(m_table, &JobsTable::addConnectionRequested, this, &MainWindow::addConnection);
    connect(m_table, &JobsTable::openDemoRequested, this, [this] {
        if (m_openDemo(QStringList{QStringLiteral("--demo")}))
            m_messages->showInfo(tr("The demo opens in a window of its own."));
        else
            m_messages->showError(tr("The demo could not be started."));
    });
    m_openDemo = [](const QStringList &args) { return QProcess::startDetached(QCoreApplication::applicationFilePath(), args); };
    connect(m_service, &ImportService::jobChanged, this, [this](const JobRecord &r) {
        if (r.key() != m_selectedKey)
            return;
        // The model gathers changes for 30 ms (its own timer). Apply them now, so that
        // the table and the details show the same answer without counting on timers firing in a given order.
        // The model is connected to jobChanged before this window (it is made first), so it already holds r.
        m_jobsModel->applyPending();
        showSelected();
    });
    // The service diffed the answer off the GUI thread: the files view takes only the rows that changed.
    connect(m_service, &ImportService::filesChanged, this, [this](const QString &key, const QVector<int> &rows, bool replaced) {
        if (key != m_selectedKey)
            return;
        if (const JobRecord *r = m_service->job(key))
            m_filesModel->applyDelta(key, r->job.files, rows, replaced);
    });
    connect(m_service, &ImportService::connectionsChanged, this, &MainWindow::updateConnections);
    connect(m_service, &ImportService::historyError, this, [this](const QString &message) {
        m_messages->showError(message);
    });
    // Open on something to look at: the first job, until the user picks one.
    // It stays in view while the first answers re-sort the table, until the user picks a job themselves.
    const auto selectFirst = [this] {
        if (m_selectedKey.isEmpty() && m_proxy->rowCount() > 0) {
            m_autoSelected = true;
            jobsView()->selectionModel()->setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            jobsView()->scrollTo(m_proxy->index(0, 0));
        }
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, selectFirst);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_autoSelected && jobsView()->currentIndex().isValid())
            jobsView()->scrollTo(jobsView()->currentIndex());
    });
    // The service asks the jobs on screen first (after the selected one) and the others less often: it hears
    // which they are a moment after the view scrolls, resizes, filters or re-sorts (coalesced).
    auto *visibleTimer = new QTimer(this);
    visibleTimer->setSingleShot(true);
    visibleTimer->setInterval(100);
    connect(visibleTimer, &QTimer::timeout, this, [this] {
        QTableView *view = jobsView();
        QSet<QString> keys;
        const int first = view->rowAt(0);
        if (first >= 0) {
            int last = view->rowAt(view->viewport()->height() - 1);
            if (last < 0)
                last = m_proxy->rowCount() - 1;
            for (int row = first; row <= last; ++row)
                keys.insert(m_proxy->index(row, 0).data(JobsModel::KeyRole).toString());
        }
        m_service->setVisibleJobs(keys);
    });
    const auto visibleMayChange = [visibleTimer] {
        if (!visibleTimer->isActive())
            visibleTimer->start();
    };
    connect(jobsView()->verticalScrollBar(), &QScrollBar::valueChanged, visibleTimer, visibleMayChange);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, visibleTimer, visibleMayChange);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, visibleTimer, visibleMayChange);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, visibleTimer, visibleMayChange);
    connect(m_proxy, &QAbstractItemModel::modelReset, visibleTimer, visibleMayChange);
    new ResizeWatcher(jobsView()->viewport(), visibleMayChange);
    updateConnections();
    showSelected();
    selectFirst(); // the history's jobs are there already: the top one, sorted
}

MainWindow::~MainWindow() = default;

QTableView *MainWindow::jobsView() const
{
    return m_table->view();
}

QTableView *MainWindow::filesView() const
{
    return m_details->filesView();
}

QLineEdit *MainWindow::searchEdit() const
{
    return m_table->searchEdit();
}

QTabBar *MainWindow::stateTabs() const
{
    return m_table->stateTabs();
}

QString MainWindow::phaseText() const
{
    return m_details->phaseText();
}

QString MainWindow::errorText() const
{
    return m_details->errorText();
}

QString MainWindow::healthText() const
{
    return m_health->fullText();
}

QString MainWindow::emptyText() const
{
    return m_table->emptyText();
}

void MainWindow::restoreLayout()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        // 1280 × 760, or the screen's room where it has less (a 1024 × 640 screen got a window wider than itself).
        QSize size(1280, 760);
        if (const QScreen *sc = screen()) // less room for the window manager's frame and title bar
            size = size.boundedTo(sc->availableGeometry().size() - QSize(16, 48));
        resize(size);
    }
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray());
    m_table->restoreState(s);
    // The files header is not restored: it fits itself to the pane, and an older saved state would bring back
    // the fixed widths that needed sideways scrolling.
}

void MainWindow::saveLayout() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    m_table->saveState(s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    // With a tray that really shows an icon, closing may keep Bulkwatch watching; asked once. Without one it never
    // hides (a window hidden into a blank or missing tray could not be found again).
    if (m_trayAvailable()) {
        QSettings s;
        QString action = s.value(QStringLiteral("window/closeAction")).toString();
        if (action.isEmpty()) {
            action = m_askKeepRunning() ? QStringLiteral("tray") : QStringLiteral("quit");
            s.setValue(QStringLiteral("window/closeAction"), action);
        }
        if (action == QLatin1String("tray")) {
            hide();
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
    qApp->quit();
}

void MainWindow::setDesktopIntegration(NotificationCenter *notifications, TrayIcon *tray)
{
    m_notifications = notifications;
    m_tray = tray;
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(m_notifications, this);
    dialog.exec();
}

void MainWindow::showAndRaise(const QString &jobKey)
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
    if (!jobKey.isEmpty())
        selectJob(jobKey);
}

QString MainWindow::currentConnectionId() const
{
    if (const JobRecord *r = m_service->job(m_selectedKey))
        return r->connectionId;
    const QString filtered = m_table->filteredConnectionId();
    if (!filtered.isEmpty())
        return filtered;
    const auto conns = m_service->connections();
    return conns.isEmpty() ? QString() : conns.first().id;
}

void MainWindow::updateConnections()
{
    m_table->updateConnections();
    m_table->updateEmptyState();
    const bool any = !m_service->connections().isEmpty();
    // Before the first connection there is nothing to detail: the first-run state has the window to itself.
    m_details->setVisible(any);
    m_actions->refresh->setEnabled(any);
    m_actions->editConnection->setEnabled(any);
    m_actions->removeConnection->setEnabled(any);
    m_actions->addJob->setEnabled(any);
}

void MainWindow::selectJob(const QString &key)
{
    if (m_jobsModel->rowOf(key) < 0)
        m_jobsModel->applyPending();
    QModelIndex idx = m_proxy->mapFromSource(m_jobsModel->index(m_jobsModel->rowOf(key), 0));
    if (!idx.isValid()) {
        // Hidden by a filter: show everything so the job can be seen.
        m_table->clearFilters();
        idx = m_proxy->mapFromSource(m_jobsModel->index(m_jobsModel->rowOf(key), 0));
    }
    if (!idx.isValid())
        return;
    jobsView()->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    jobsView()->scrollTo(idx);
}

QString MainWindow::selectedJobKey() const
{
    return m_selectedKey;
}

void MainWindow::setSelectedJob(const QString &key)
{
    if (!m_selectedKey.isEmpty())
        m_autoSelected = false; // a second selection is the user's (or a notification's)
    m_selectedKey = key;
    m_service->setSelectedJob(key);
    showSelected();
}

void MainWindow::showSelected()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    m_actions->copyReport->setEnabled(r != nullptr);
    m_actions->removeJob->setEnabled(r != nullptr);
    m_actions->exportJobs->setEnabled(r != nullptr);
    // Ctrl+C copies the error when there is one, else the job's ID: the menu says which.
    const bool hasError = r && !m_jobsModel->data(m_jobsModel->index(m_jobsModel->rowOf(r->key()), 0), JobsModel::ErrorTextRole).toString().isEmpty();
    const QString copyText = hasError || !r ? tr("&Copy error") : tr("&Copy job ID");
    m_actions->copy->setText(copyText);
    m_actions->copy->setToolTip(QStringLiteral("%1 (%2)").arg(QString(copyText).remove(QLatin1Char('&')), m_actions->copy->shortcut().toString(QKeySequence::NativeText)));
    updateJobActions();
    m_details->showJob(r, m_service->now(), !m_service->connections().isEmpty());
}

void MainWindow::updateJobActions()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    const JobState s = r ? r->job.state : JobState::Unknown;
    m_actions->retry->setEnabled(r && (s == JobState::Failed || s == JobState::Cancelled));
    const bool uncommitted = r && !r->expired && r->job.serverState.compare(QLatin1String("Uncommitted"), Qt::CaseInsensitive) == 0;
    m_actions->commit->setEnabled(uncommitted);
    m_actions->abort->setEnabled(uncommitted);
    m_actions->newImport->setEnabled(!m_service->connections().isEmpty());
}

void MainWindow::setDemoMode(bool demo)
{
    m_demo = demo;
    // The platform adds " — Bulkwatch" (the application's display name) to every title.
    setWindowTitle(demo ? tr("Demo (simulated server)") : tr("Bulkwatch"));
    if (demo) { // disabled, with why as its tooltip, rather than enabled and then refused
        m_actions->addConnection->setEnabled(false);
        m_actions->addConnection->setToolTip(demoRefusal());
        m_actions->addConnection->setStatusTip(demoRefusal());
    } else {
        m_actions->addConnection->setEnabled(true);
        m_actions->addConnection->setToolTip(QString()); // back to the action's text
        m_actions->addConnection->setStatusTip(QString());
    }
}

QString MainWindow::demoRefusal()
{
    return tr("Not in the demo: your connections belong in Bulkwatch's own history. Start Bulkwatch without --demo to add them.");
}

void MainWindow::addConnection()
{
    if (m_demo) {
        m_messages->showError(demoRefusal());
        return;
    }
    ConnectionDialog dialog(m_service, nullptr, this);
    dialog.exec();
}

void MainWindow::editConnection()
{
    const Connection *c = m_service->connection(currentConnectionId());
    if (!c)
        return;
    ConnectionDialog dialog(m_service, c, this);
    dialog.exec();
}

void MainWindow::removeConnection()
{
    const Connection *c = m_service->connection(currentConnectionId());
    if (!c)
        return;
    const QString id = c->id;
    if (m_confirm(tr("Remove connection"), tr("Remove “%1”, its key from the keychain and its job history?").arg(c->name)))
        m_service->removeConnection(id);
}

void MainWindow::addJob()
{
    AddJobDialog dialog(m_service, currentConnectionId(), this);
    if (dialog.exec() == QDialog::Accepted)
        selectJob(dialog.addedKey());
}

void MainWindow::refresh()
{
    m_service->refreshNow();
    m_messages->showInfo(tr("Refreshing…"));
}

void MainWindow::focusSearch()
{
    searchEdit()->setFocus();
    searchEdit()->selectAll();
}

QVector<JobRecord> MainWindow::selectedRecords() const
{
    QVector<JobRecord> out;
    const QModelIndexList rows = jobsView()->selectionModel()->selectedRows();
    for (const QModelIndex &idx : rows) {
        if (const JobRecord *r = m_service->job(idx.data(JobsModel::KeyRole).toString()))
            out << *r;
    }
    if (out.isEmpty())
        if (const JobRecord *r = m_service->job(m_selectedKey))
            out << *r;
    return out;
}

void MainWindow::copySelection()
{
    QString text;
    if (filesView()->hasFocus()) {
        if (const FileProgress *f = m_filesModel->file(filesView()->currentIndex().row()))
            text = JobExport::copyTextForFile(*f);
    } else if (const JobRecord *r = m_service->job(m_selectedKey)) {
        text = m_jobsModel->data(m_jobsModel->index(m_jobsModel->rowOf(r->key()), 0), JobsModel::ErrorTextRole).toString();
        if (text.isEmpty())
            text = r->job.jobId;
    }
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    m_messages->showInfo(tr("Copied."));
}

QString MainWindow::supportReportForSelection() const
{
    return JobExport::supportReport(selectedRecords(), m_service->connections());
}

void MainWindow::copySupportReport()
{
    const QString report = supportReportForSelection();
    if (report.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(report);
    m_messages->showInfo(tr("Support report copied — paste it into your ticket."));
}

bool MainWindow::exportTo(const QString &path, QString *error) const
{
    return JobExport::writeFile(path, selectedRecords(), m_service->connections(), error);
}

void MainWindow::exportSelection()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export jobs"), QStringLiteral("bulkwatch-jobs.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    exportSelectionTo(path);
}

void MainWindow::exportSelectionTo(const QString &path)
{
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
    else
        m_messages->showInfo(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::removeSelectedJobs()
{
    const QVector<JobRecord> records = selectedRecords();
    if (records.isEmpty())
        return;
    const int n = static_cast<int>(records.size());
    if (!m_confirm(tr("Remove %n job(s)", nullptr, n),
                   tr("Remove %n job(s) from Bulkwatch's history? Nothing changes on the server.", nullptr, n)))
        return;
    for (const JobRecord &r : records)
        m_service->removeJob(r.key());
}

void MainWindow::newImport()
{
    NewImportDialog dialog(m_service, currentConnectionId(), {}, this);
    if (dialog.exec() == QDialog::Accepted)
        selectJob(dialog.createdKey());
}

void MainWindow::retrySelected()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    if (!r)
        return;
    const QString connectionId = r->connectionId;
    const bool started = m_service->retryJob(m_selectedKey, [this](const QString &key, const ApiError &e) {
        if (e.isError()) {
            QMessageBox::warning(this, tr("Retry failed"), ErrorAdvice::forCreate(e));
            return;
        }
        selectJob(key);
        m_messages->showInfo(tr("Import started again."));
    });
    if (started)
        return;
    // Created elsewhere: start from what is known, for the user to complete.
    NewImportDialog dialog(m_service, connectionId, m_service->requestFor(m_selectedKey), this);
    if (dialog.exec() == QDialog::Accepted)
        selectJob(dialog.createdKey());
}

void MainWindow::commitSelected()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    if (!r || !m_confirm(tr("Commit import"), tr("Commit import %1 into “%2”? The staged rows become visible in the collection.")
                                                  .arg(r->job.jobId, r->job.collectionName.value_or(QString()))))
        return;
    m_service->commitJob(m_selectedKey, [this](const ApiError &e) {
        if (e.isError())
            m_messages->showError(tr("Commit failed: %1").arg(e.summary()));
        else
            m_messages->showInfo(tr("Committed."));
    });
}

void MainWindow::abortSelected()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    if (!r || !m_confirm(tr("Abort import"), tr("Abort import %1? The staged rows are discarded.").arg(r->job.jobId)))
        return;
    m_service->abortJob(m_selectedKey, [this](const ApiError &e) {
        if (e.isError())
            m_messages->showError(tr("Abort failed: %1").arg(e.summary()));
        else
            m_messages->showInfo(tr("Aborted."));
    });
}
