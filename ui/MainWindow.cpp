#include "MainWindow.h"

#include "AddJobDialog.h"
#include "ConnectionDialog.h"
#include "FilesModel.h"
#include "ImportService.h"
#include "JobFilterProxy.h"
#include "JobFormatter.h"
#include "JobReport.h"
#include "JobsModel.h"
#include "NewImportDialog.h"
#include "ErrorAdvice.h"
#include "ProgressBarDelegate.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "NotificationCenter.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(ImportService *service, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_jobsModel(new JobsModel(service, this)),
      m_proxy(new JobFilterProxy(this)), m_filesModel(new FilesModel(this))
{
    setWindowTitle(tr("Bulkwatch"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/bulkwatch.svg")));
    m_proxy->setSourceModel(m_jobsModel);
    buildActions();
    buildLayout();
    restoreLayout();

    connect(m_jobsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_selectedKey = current.isValid() ? current.data(JobsModel::KeyRole).toString() : QString();
        m_service->setSelectedJob(m_selectedKey);
        showSelected();
    });
    connect(m_service, &ImportService::jobChanged, this, [this](const JobRecord &r) {
        if (r.key() == m_selectedKey)
            QTimer::singleShot(0, this, &MainWindow::showSelected); // after the model applied it
    });
    connect(m_service, &ImportService::healthChanged, this, &MainWindow::updateHealth);
    connect(m_service, &ImportService::connectionsChanged, this, [this] {
        updateConnectionFilter();
        updateHealth();
        updateEmptyState();
    });
    connect(m_service, &ImportService::historyError, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateEmptyState);
    // Open on something to look at: the first job, until the user picks one.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_selectedKey.isEmpty() && m_proxy->rowCount() > 0)
            m_jobsView->selectionModel()->setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);

    m_healthTimer = new QTimer(this);
    m_healthTimer->setInterval(1000);
    connect(m_healthTimer, &QTimer::timeout, this, &MainWindow::updateHealth);
    updateConnectionFilter();
    updateHealth();
    updateEmptyState();
    showSelected();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    const auto action = [this](const QString &text, const QString &themeIcon, QStyle::StandardPixmap fallback,
                               const QKeySequence &shortcut, void (MainWindow::*slot)()) {
        auto *a = new QAction(QIcon::fromTheme(themeIcon, style()->standardIcon(fallback)), text, this);
        a->setShortcut(shortcut);
        a->setToolTip(shortcut.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), shortcut.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_addConnection = action(tr("Add &connection…"), QStringLiteral("network-server"), QStyle::SP_DriveNetIcon, QKeySequence(tr("Ctrl+Shift+N")), &MainWindow::addConnection);
    m_editConnection = action(tr("&Edit connection…"), QStringLiteral("document-properties"), QStyle::SP_FileDialogDetailedView, QKeySequence(tr("Ctrl+E")), &MainWindow::editConnection);
    m_removeConnection = action(tr("&Remove connection…"), QStringLiteral("list-remove"), QStyle::SP_TrashIcon, {}, &MainWindow::removeConnection);
    m_addJob = action(tr("&Watch job by ID…"), QStringLiteral("list-add"), QStyle::SP_FileDialogNewFolder, QKeySequence::New, &MainWindow::addJob);
    m_refresh = action(tr("&Refresh now"), QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, QKeySequence::Refresh, &MainWindow::refresh);
    m_copy = action(tr("&Copy error"), QStringLiteral("edit-copy"), QStyle::SP_FileIcon, QKeySequence::Copy, &MainWindow::copySelection);
    m_copyReport = action(tr("Copy &support report"), QStringLiteral("edit-copy"), QStyle::SP_FileDialogInfoView, QKeySequence(tr("Ctrl+Shift+C")), &MainWindow::copySupportReport);
    m_export = action(tr("E&xport selection…"), QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton, QKeySequence(tr("Ctrl+Shift+S")), &MainWindow::exportSelection);
    m_removeJob = action(tr("Remove from &history"), QStringLiteral("edit-delete"), QStyle::SP_DialogDiscardButton, QKeySequence::Delete, &MainWindow::removeSelectedJobs);
    m_newImport = action(tr("&New import…"), QStringLiteral("document-new"), QStyle::SP_FileDialogStart, QKeySequence(tr("Ctrl+I")), &MainWindow::newImport);
    m_retry = action(tr("Re&try import"), QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, QKeySequence(tr("Ctrl+R")), &MainWindow::retrySelected);
    m_commit = action(tr("&Commit import…"), QStringLiteral("dialog-ok-apply"), QStyle::SP_DialogApplyButton, {}, &MainWindow::commitSelected);
    m_abort = action(tr("A&bort import…"), QStringLiteral("process-stop"), QStyle::SP_BrowserStop, {}, &MainWindow::abortSelected);
    m_find = action(tr("&Find…"), QStringLiteral("edit-find"), QStyle::SP_FileDialogContentsView, QKeySequence::Find, &MainWindow::focusSearch);
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, qApp, &QApplication::quit);
    // Ctrl+C and Delete belong to whichever table has focus, not to the search field.
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeJob->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_addConnection, m_editConnection, m_removeConnection});
    file->addSeparator();
    file->addAction(m_export);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_copy, m_copyReport});
    edit->addSeparator();
    edit->addAction(m_find);
    edit->addSeparator();
    m_preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    m_preferences->setShortcut(QKeySequence::Preferences);
    QMenu *jobs = menuBar()->addMenu(tr("&Jobs"));
    jobs->addActions({m_newImport, m_addJob, m_refresh});
    jobs->addSeparator();
    jobs->addActions({m_retry, m_commit, m_abort});
    jobs->addSeparator();
    jobs->addAction(m_removeJob);
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Bulkwatch"), this, [this] {
        QMessageBox::about(this, tr("About Bulkwatch"),
                           tr("<b>Bulkwatch %1</b><p>A desktop monitor for bulk-import jobs on Zilliz Cloud and Milvus.</p>"
                              "<p>API keys are kept in the system keychain only.</p>").arg(QStringLiteral(BULKWATCH_VERSION)));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_addConnection, m_newImport, m_addJob, m_refresh});
    bar->addSeparator();
    bar->addActions({m_copyReport, m_export});
}

void MainWindow::buildLayout()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    auto *filterRow = new QHBoxLayout;
    m_stateTabs = new QTabBar(central);
    m_stateTabs->setAccessibleName(tr("State filter"));
    for (const QString &t : {tr("All"), tr("Running"), tr("Failed"), tr("Completed"), tr("Expired")})
        m_stateTabs->addTab(t);
    m_stateTabs->setDrawBase(false);
    m_stateTabs->setExpanding(false);
    connect(m_stateTabs, &QTabBar::currentChanged, this, [this](int i) {
        m_proxy->setStateFilter(JobFilterProxy::StateFilter(i));
        updateEmptyState();
    });
    m_connectionFilter = new QComboBox(central);
    m_connectionFilter->setAccessibleName(tr("Connection filter"));
    m_connectionFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_connectionFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setConnectionFilter(m_connectionFilter->currentData().toString());
        updateEmptyState();
    });
    m_search = new QLineEdit(central);
    m_search->setPlaceholderText(tr("Search job ID, collection, reason… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this, [this] {
        m_proxy->setText(m_search->text());
        updateEmptyState();
    });
    filterRow->addWidget(m_stateTabs);
    filterRow->addStretch();
    filterRow->addWidget(m_connectionFilter);
    filterRow->addWidget(m_search, 1);
    layout->addLayout(filterRow);

    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_jobsView = new QTableView(m_splitter);
    m_jobsView->setObjectName(QStringLiteral("jobsView"));
    m_jobsView->setAccessibleName(tr("Import jobs"));
    m_jobsView->setModel(m_proxy);
    m_jobsView->setSortingEnabled(true);
    m_jobsView->sortByColumn(JobsModel::FirstSeenColumn, Qt::DescendingOrder);
    m_jobsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_jobsView->setAlternatingRowColors(true);
    m_jobsView->setWordWrap(false);
    m_jobsView->verticalHeader()->hide();
    m_jobsView->horizontalHeader()->setStretchLastSection(true);
    m_jobsView->horizontalHeader()->setSectionsMovable(true);
    m_jobsView->setItemDelegateForColumn(JobsModel::ProgressColumn,
                                         new ProgressBarDelegate(ProgressBarDelegate::Kind::Job, JobsModel::ProgressRole, JobsModel::StateRole, this));
    m_jobsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_jobsView->addActions({m_copy, m_removeJob});
    m_jobsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_jobsView->addActions({m_copyReport, m_export, m_retry, m_commit, m_abort});
    const QList<QPair<int, int>> widths = {{JobsModel::JobIdColumn, 170}, {JobsModel::ConnectionColumn, 110},
                                           {JobsModel::CollectionColumn, 140}, {JobsModel::StateColumn, 150},
                                           {JobsModel::ProgressColumn, 130}, {JobsModel::RowsColumn, 140},
                                           {JobsModel::SizeColumn, 80}, {JobsModel::FirstSeenColumn, 135},
                                           {JobsModel::CompletedColumn, 135}, {JobsModel::DurationColumn, 90},
                                           {JobsModel::EtaColumn, 80}};
    for (const auto &w : widths)
        m_jobsView->setColumnWidth(w.first, w.second);

    m_empty = new QLabel(m_jobsView->viewport());
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *details = new QWidget(m_splitter);
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 4, 0, 0);
    m_title = new QLabel(details);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.1);
    m_title->setFont(tf);
    m_phase = new QLabel(details);
    m_phase->setWordWrap(true);
    m_phase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phase->setAccessibleName(tr("Phase"));
    m_error = new QPlainTextEdit(details);
    m_error->setReadOnly(true);
    m_error->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_error->setAccessibleName(tr("Error"));
    m_error->setMaximumHeight(fontMetrics().height() * 6);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_filesView = new QTableView(details);
    m_filesView->setObjectName(QStringLiteral("filesView"));
    m_filesView->setAccessibleName(tr("Files of the selected job"));
    m_filesView->setModel(m_filesModel);
    m_filesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_filesView->setAlternatingRowColors(true);
    m_filesView->setWordWrap(false);
    m_filesView->verticalHeader()->hide();
    m_filesView->horizontalHeader()->setStretchLastSection(true);
    m_filesView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_filesView->setItemDelegateForColumn(FilesModel::ProgressColumn,
                                          new ProgressBarDelegate(ProgressBarDelegate::Kind::File, FilesModel::ProgressRole, FilesModel::StateRole, this));
    m_filesView->setColumnWidth(FilesModel::ProgressColumn, 110);
    m_filesView->setColumnWidth(FilesModel::NameColumn, 340);
    m_filesView->setColumnWidth(FilesModel::RowsColumn, 150);
    m_filesView->setColumnWidth(FilesModel::CompletedColumn, 140);
    m_filesView->addAction(m_copy);
    dl->addWidget(m_title);
    dl->addWidget(m_phase);
    dl->addWidget(m_error);
    dl->addWidget(m_filesView, 1);
    m_splitter->addWidget(m_jobsView);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_health = new QLabel(this);
    m_health->setAccessibleName(tr("Connection health"));
    m_health->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_health, 1);
}

void MainWindow::restoreLayout()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 760);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray());
    m_jobsView->horizontalHeader()->restoreState(s.value(QStringLiteral("window/jobsHeader")).toByteArray());
    m_filesView->horizontalHeader()->restoreState(s.value(QStringLiteral("window/filesHeader")).toByteArray());
    m_stateTabs->setCurrentIndex(s.value(QStringLiteral("window/stateFilter"), 0).toInt());
}

void MainWindow::saveLayout() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("window/jobsHeader"), m_jobsView->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("window/filesHeader"), m_filesView->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("window/stateFilter"), m_stateTabs->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    // With a tray, closing may keep Bulkwatch watching; asked once. Without a tray it never hides.
    if (m_tray && m_tray->isVisible()) {
        QSettings s;
        QString action = s.value(QStringLiteral("window/closeAction")).toString();
        if (action.isEmpty()) {
            QMessageBox box(QMessageBox::Question, tr("Keep watching?"),
                            tr("Keep Bulkwatch running in the tray to be notified when imports end?"),
                            QMessageBox::Yes | QMessageBox::No, this);
            box.setInformativeText(tr("You can change this in Preferences."));
            action = box.exec() == QMessageBox::Yes ? QStringLiteral("tray") : QStringLiteral("quit");
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
    const QString filtered = m_connectionFilter->currentData().toString();
    if (!filtered.isEmpty())
        return filtered;
    const auto conns = m_service->connections();
    return conns.isEmpty() ? QString() : conns.first().id;
}

void MainWindow::updateConnectionFilter()
{
    const QString current = m_connectionFilter->currentData().toString();
    QSignalBlocker block(m_connectionFilter);
    m_connectionFilter->clear();
    m_connectionFilter->addItem(tr("All connections"), QString());
    for (const Connection &c : m_service->connections())
        m_connectionFilter->addItem(c.name, c.id);
    m_connectionFilter->setCurrentIndex(std::max(0, m_connectionFilter->findData(current)));
    m_proxy->setConnectionFilter(m_connectionFilter->currentData().toString());
    m_connectionFilter->setVisible(m_service->connections().size() > 1);
    m_jobsView->setColumnHidden(JobsModel::ConnectionColumn, m_service->connections().size() <= 1);
    const bool any = !m_service->connections().isEmpty();
    m_editConnection->setEnabled(any);
    m_removeConnection->setEnabled(any);
    m_addJob->setEnabled(any);
}

void MainWindow::selectJob(const QString &key)
{
    const int sourceRow = m_jobsModel->rowOf(key);
    if (sourceRow < 0) {
        m_jobsModel->applyPending();
    }
    QModelIndex idx = m_proxy->mapFromSource(m_jobsModel->index(m_jobsModel->rowOf(key), 0));
    if (!idx.isValid()) {
        // Hidden by a filter: show everything so the job can be seen.
        m_stateTabs->setCurrentIndex(0);
        m_search->clear();
        m_proxy->setText(QString());
        m_connectionFilter->setCurrentIndex(0);
        idx = m_proxy->mapFromSource(m_jobsModel->index(m_jobsModel->rowOf(key), 0));
    }
    if (!idx.isValid())
        return;
    m_jobsView->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_jobsView->scrollTo(idx);
}

QString MainWindow::selectedJobKey() const
{
    return m_selectedKey;
}

void MainWindow::showSelected()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    m_copyReport->setEnabled(r != nullptr);
    m_removeJob->setEnabled(r != nullptr);
    m_export->setEnabled(r != nullptr);
    updateJobActions();
    if (!r) {
        m_title->setText(m_service->connections().isEmpty() ? QString() : tr("Select a job to see its files."));
        m_phase->clear();
        m_error->hide();
        m_filesModel->setFiles(QString(), {});
        return;
    }
    const JobProgress &j = r->job;
    m_title->setText(tr("Job %1 · %2 · %3").arg(j.jobId, j.collectionName.value_or(QStringLiteral("—")), JobsModel::stateText(r->displayState())));
    QString phase = jobPhaseText(r->expired ? JobPhase::Gone : jobPhase(j));
    if (!r->hasDetails && !r->expired && r->lastError.kind == ErrorKind::None)
        phase += QLatin1Char(' ') + tr("Fetching the files…");
    const qint64 stalled = r->stalledSeconds(m_service->now());
    if (stalled >= 120)
        phase += QLatin1Char(' ') + tr("No change for %1.").arg(JobFormatter::durationText(stalled));
    m_phase->setText(phase);
    QString error;
    if (!j.reason.isEmpty())
        error = j.reason;
    else if (j.state == JobState::Failed)
        error = tr("The server gave no reason for this failure.");
    if (r->lastError.isError())
        error += (error.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("Last poll: %1").arg(r->lastError.message.isEmpty() ? r->lastError.summary() : r->lastError.message);
    if (error != m_error->toPlainText())
        m_error->setPlainText(error);
    m_error->setVisible(!error.isEmpty());
    m_filesModel->setFiles(r->key(), j.files);
}

QString MainWindow::phaseText() const
{
    return m_phase->text();
}

QString MainWindow::errorText() const
{
    return m_error->isVisibleTo(const_cast<MainWindow *>(this)) ? m_error->toPlainText() : QString();
}

QString MainWindow::healthText() const
{
    return m_health->text();
}

QString MainWindow::emptyText() const
{
    return m_empty->isVisibleTo(m_jobsView->viewport()) ? m_empty->text() : QString();
}

void MainWindow::updateEmptyState()
{
    QString text;
    if (m_proxy->rowCount() == 0) {
        if (m_service->connections().isEmpty())
            text = tr("No connections yet.\nAdd a Zilliz Cloud or Milvus connection (Ctrl+Shift+N), or try the demo: bulkwatch --demo");
        else if (m_jobsModel->rowCount() > 0)
            text = tr("No jobs match the filter.");
        else
            text = tr("No import jobs yet.\nJobs started elsewhere (SDKs, pipelines) appear by themselves; watch one by ID with Ctrl+N.");
    }
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
    m_empty->setGeometry(m_jobsView->viewport()->rect());
}

void MainWindow::updateHealth()
{
    const QDateTime now = m_service->now();
    QStringList parts;
    bool ticking = false;
    for (const Connection &c : m_service->connections()) {
        const ConnectionHealth h = m_service->health(c.id);
        QString s;
        const qint64 retryIn = h.retryAt.isValid() ? std::max<qint64>(0, (now.msecsTo(h.retryAt) + 999) / 1000) : 0;
        switch (h.state) {
        case ConnectionHealth::State::Connecting: s = tr("connecting…"); break;
        case ConnectionHealth::State::Ok:
            s = tr("last answer %1 s ago").arg(std::max<qint64>(0, h.lastAnswer.secsTo(now)));
            ticking = true;
            break;
        case ConnectionHealth::State::Backoff:
            s = (h.lastError.kind == ErrorKind::RateLimited ? tr("rate limited — retrying in %1 s") : tr("server trouble — retrying in %1 s")).arg(retryIn);
            ticking = true;
            break;
        case ConnectionHealth::State::Offline:
            s = h.lastError.kind == ErrorKind::Tls
                ? tr("TLS certificate not accepted — edit the connection to trust its CA (retrying in %1 s)").arg(retryIn)
                : tr("offline — showing last known state, retrying in %1 s").arg(retryIn);
            ticking = true;
            break;
        case ConnectionHealth::State::AuthFailed: s = tr("the key was refused — edit the connection"); break;
        case ConnectionHealth::State::NoKey: s = tr("no key — %1").arg(h.keyProblem); break;
        }
        if (c.isUnencrypted() && !isLoopbackHost(c.baseUrl.host()))
            s += tr(" · unencrypted");
        parts << c.name + QStringLiteral(": ") + s;
        if (h.lastError.isError() && h.state != ConnectionHealth::State::Ok)
            m_health->setToolTip(h.lastError.summary());
    }
    m_health->setText(parts.isEmpty() ? tr("No connections") : parts.join(QStringLiteral("   ·   ")));
    // Tick only while a number on screen changes with time; once per second only while something is running.
    const int interval = m_service->anyActive() ? 1000 : 10000;
    if (ticking && (!m_healthTimer->isActive() || m_healthTimer->interval() != interval))
        m_healthTimer->start(interval);
    else if (!ticking)
        m_healthTimer->stop();
}

void MainWindow::addConnection()
{
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
    if (QMessageBox::question(this, tr("Remove connection"),
                              tr("Remove “%1”, its key from the keychain and its job history?").arg(c->name))
        == QMessageBox::Yes)
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
    statusBar()->showMessage(tr("Refreshing…"), 2000);
}

void MainWindow::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

QVector<JobRecord> MainWindow::selectedRecords() const
{
    QVector<JobRecord> out;
    const QModelIndexList rows = m_jobsView->selectionModel()->selectedRows();
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
    if (m_filesView->hasFocus()) {
        const FileProgress *f = m_filesModel->file(m_filesView->currentIndex().row());
        if (f)
            text = f->reason.isEmpty() ? f->fileName : f->reason;
    } else if (const JobRecord *r = m_service->job(m_selectedKey)) {
        text = m_jobsModel->data(m_jobsModel->index(m_jobsModel->rowOf(r->key()), 0), JobsModel::ErrorTextRole).toString();
        if (text.isEmpty())
            text = r->job.jobId;
    }
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Copied."), 2000);
}

QString MainWindow::supportReportForSelection() const
{
    QStringList reports;
    for (const JobRecord &r : selectedRecords())
        reports << JobReport::supportReport(r, m_service->connection(r.connectionId));
    return reports.join(QStringLiteral("\n"));
}

void MainWindow::copySupportReport()
{
    const QString report = supportReportForSelection();
    if (report.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(report);
    statusBar()->showMessage(tr("Support report copied — paste it into your ticket."), 4000);
}

bool MainWindow::exportTo(const QString &path, QString *error) const
{
    QHash<QString, Connection> conns;
    for (const Connection &c : m_service->connections())
        conns.insert(c.id, c);
    const QVector<JobRecord> records = selectedRecords();
    const QByteArray data = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? JobReport::toJson(records, conns)
                                                                                       : JobReport::toCsv(records, conns);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = f.errorString().isEmpty() ? tr("the folder does not exist or is not writable") : f.errorString();
        return false;
    }
    return true;
}

void MainWindow::exportSelection()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export jobs"), QStringLiteral("bulkwatch-jobs.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
    else
        statusBar()->showMessage(tr("Exported to %1").arg(path), 4000);
}

void MainWindow::removeSelectedJobs()
{
    const QVector<JobRecord> records = selectedRecords();
    if (records.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Remove from history"),
                              tr("Remove %n job(s) from Bulkwatch's history? Nothing changes on the server.", nullptr, static_cast<int>(records.size())))
        != QMessageBox::Yes)
        return;
    for (const JobRecord &r : records)
        m_service->removeJob(r.key());
}

void MainWindow::updateJobActions()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    const JobState s = r ? r->job.state : JobState::Unknown;
    m_retry->setEnabled(r && (s == JobState::Failed || s == JobState::Cancelled));
    const bool uncommitted = r && !r->expired && r->job.serverState.compare(QLatin1String("Uncommitted"), Qt::CaseInsensitive) == 0;
    m_commit->setEnabled(uncommitted);
    m_abort->setEnabled(uncommitted);
    m_newImport->setEnabled(!m_service->connections().isEmpty());
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
        statusBar()->showMessage(tr("Import started again."), 4000);
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
        statusBar()->showMessage(e.isError() ? tr("Commit failed: %1").arg(e.summary()) : tr("Committed."), 6000);
    });
}

void MainWindow::abortSelected()
{
    const JobRecord *r = m_service->job(m_selectedKey);
    if (!r || !m_confirm(tr("Abort import"), tr("Abort import %1? The staged rows are discarded.").arg(r->job.jobId)))
        return;
    m_service->abortJob(m_selectedKey, [this](const ApiError &e) {
        statusBar()->showMessage(e.isError() ? tr("Abort failed: %1").arg(e.summary()) : tr("Aborted."), 6000);
    });
}
