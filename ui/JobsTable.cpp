#include "JobsTable.h"

#include "EmptyState.h"
#include "ImportService.h"
#include "JobFilterProxy.h"
#include "JobsColumns.h"
#include "JobsModel.h"
#include "ProgressBarDelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

JobsTable::JobsTable(ImportService *service, JobsModel *model, JobFilterProxy *proxy, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(model), m_proxy(proxy)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *filterRow = new QHBoxLayout;
    m_stateTabs = new QTabBar(this);
    m_stateTabs->setAccessibleName(tr("State filter"));
    // In JobFilterProxy::StateFilter's order. Searchable: completed, indexed and loaded (after the import).
    m_tabNames = {tr("All"), tr("Running"), tr("Failed"), tr("Completed"), tr("Expired"), tr("Searchable")};
    for (const QString &t : std::as_const(m_tabNames))
        m_stateTabs->addTab(t);
    m_stateTabs->setDrawBase(false);
    m_stateTabs->setExpanding(false);
    connect(m_stateTabs, &QTabBar::currentChanged, this, [this](int i) {
        m_proxy->setStateFilter(JobFilterProxy::StateFilter(i));
        updateEmptyState();
    });
    m_connectionFilter = new QComboBox(this);
    m_connectionFilter->setAccessibleName(tr("Connection filter"));
    m_connectionFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_connectionFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setConnectionFilter(m_connectionFilter->currentData().toString());
        updateEmptyState();
        updateCounts();
    });
    m_collectionFilter = new QComboBox(this);
    m_collectionFilter->setAccessibleName(tr("Collection filter"));
    m_collectionFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_collectionFilter->addItem(tr("All collections"), QString());
    m_collectionFilter->setVisible(false);
    connect(m_collectionFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setCollectionFilter(m_collectionFilter->currentData().toString());
        updateEmptyState();
        updateCounts();
    });
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search job ID, collection, reason… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    // Filtering hundreds of rows per keystroke stutters; wait for a pause in typing.
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
    filterRow->addWidget(m_collectionFilter);
    filterRow->addWidget(m_search, 1);
    layout->addLayout(filterRow);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setAccessibleName(tr("Import jobs"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // Newest first by the server's creation time: on a first run every job has the same "first seen", which
    // made the order look random. (Created sorts by first seen where the server gives no creation time.)
    m_view->sortByColumn(JobsModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Spare room stays spare: a stretched last column pushed the others and looked like one more truncated cell.
    m_view->horizontalHeader()->setStretchLastSection(false);
    // A selected row made every header bold, wider than the width the elision was measured for: "Collectior",
    // clipped with no ellipsis. Plain headers elide properly.
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = columnsMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->horizontalHeader()->mapToGlobal(pos));
    });
    auto *middle = new MiddleElideDelegate(this);
    m_view->setItemDelegateForColumn(JobsModel::JobIdColumn, middle);
    m_view->setItemDelegateForColumn(JobsModel::CollectionColumn, middle);
    m_view->setItemDelegateForColumn(JobsModel::ProgressColumn,
                                     new ProgressBarDelegate(ProgressBarDelegate::Kind::Job, JobsModel::ProgressRole, JobsModel::StateRole, this));
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    const QList<QPair<int, int>> widths = {{JobsModel::JobIdColumn, 170}, {JobsModel::ConnectionColumn, 110},
                                           {JobsModel::CollectionColumn, 140}, {JobsModel::StateColumn, 150},
                                           {JobsModel::ProgressColumn, 130}, {JobsModel::RowsColumn, 140},
                                           {JobsModel::SizeColumn, 80}, {JobsModel::FirstSeenColumn, 135},
                                           {JobsModel::CompletedColumn, 135}, {JobsModel::DurationColumn, 90},
                                           {JobsModel::EtaColumn, 80}};
    for (const auto &w : widths)
        m_view->setColumnWidth(w.first, w.second);
    layout->addWidget(m_view, 1);

    m_empty = new QLabel(m_view->viewport());
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_firstRun = new EmptyState(m_view->viewport());
    m_firstRun->hide();
    connect(m_firstRun, &EmptyState::addConnectionClicked, this, &JobsTable::addConnectionRequested);
    connect(m_firstRun, &EmptyState::openDemoClicked, this, &JobsTable::openDemoRequested);
    m_view->viewport()->installEventFilter(this); // the placeholders follow the viewport's size

    m_counter = new JobFilterProxy(this);
    m_counter->setSourceModel(m_model);
    m_countsTimer = new QTimer(this);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(250); // a poll of 200 jobs is one count, not 200
    connect(m_countsTimer, &QTimer::timeout, this, &JobsTable::updateCounts);
    const auto kick = [this] {
        if (!m_countsTimer->isActive())
            m_countsTimer->start();
    };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, kick);
    connect(m_model, &QAbstractItemModel::modelReset, this, kick);
    connect(m_model, &QAbstractItemModel::dataChanged, this, kick);
    // Fit the columns once, when the first jobs arrive in a shown table without a saved layout.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_fitted && isVisible())
            QTimer::singleShot(0, this, &JobsTable::fitColumns);
    });
    kick();

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        Q_EMIT currentJobChanged(current.isValid() ? current.data(JobsModel::KeyRole).toString() : QString());
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &JobsTable::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &JobsTable::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &JobsTable::updateEmptyState);
}

QString JobsTable::filteredConnectionId() const
{
    return m_connectionFilter->currentData().toString();
}

QString JobsTable::emptyText() const
{
    if (m_firstRun->isVisibleTo(m_view->viewport()))
        return m_firstRun->text();
    return m_empty->isVisibleTo(m_view->viewport()) ? m_empty->text() : QString();
}

void JobsTable::clearFilters()
{
    m_stateTabs->setCurrentIndex(0);
    m_search->clear();
    m_proxy->setText(QString());
    m_connectionFilter->setCurrentIndex(0);
    m_collectionFilter->setCurrentIndex(0);
}

void JobsTable::updateConnections()
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
    m_view->setColumnHidden(JobsModel::ConnectionColumn, m_service->connections().size() <= 1);
}

void JobsTable::updateEmptyState()
{
    QString text;
    if (m_proxy->rowCount() == 0) {
        if (m_service->connections().isEmpty())
            text = tr("No connections yet.\nAdd a Zilliz Cloud or Milvus connection (Ctrl+Shift+N), or try the demo: bulkwatch --demo");
        else if (m_model->rowCount() > 0)
            text = tr("No jobs match the filter.");
        else
            text = tr("No import jobs yet.\nJobs started elsewhere (SDKs, pipelines) appear by themselves; watch one by ID with Ctrl+N.");
    }
    const bool firstRun = m_service->connections().isEmpty();
    m_firstRun->setVisible(firstRun);
    m_firstRun->setGeometry(m_view->viewport()->rect());
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty() && !firstRun);
    m_empty->setGeometry(m_view->viewport()->rect());
}

bool JobsTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        m_firstRun->setGeometry(m_view->viewport()->rect());
        m_empty->setGeometry(m_view->viewport()->rect());
        // Until jobs have come, the fit follows the table's size: the window may settle (or the empty details pane
        // go) after the first fit, which then left a sideways scroll bar of a few pixels under an empty header.
        if (!m_fitted && isVisible())
            QTimer::singleShot(0, this, &JobsTable::fitColumns);
    }
    return QWidget::eventFilter(watched, event);
}

void JobsTable::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_fitted)
        QTimer::singleShot(0, this, &JobsTable::fitColumns);
}

void JobsTable::fitColumns()
{
    // Fitted on the header alone (no job yet), it fits again when the first jobs come.
    m_fitted = m_proxy->rowCount() > 0;
    // Room for the vertical scroll bar that more rows will bring, so that it never pushes a sideways one in.
    QScrollBar *vbar = m_view->verticalScrollBar();
    JobsColumns::fit(m_view, m_view->viewport()->width() - (vbar->isVisible() ? 0 : vbar->sizeHint().width()));
}

QMenu *JobsTable::columnsMenu()
{
    return JobsColumns::headerMenu(m_view->horizontalHeader(), this, [this] {
        QSettings s;
        saveState(s);
    });
}

void JobsTable::updateCollections()
{
    QStringList names = m_proxy->collections();
    QStringList shown;
    for (int i = 1; i < m_collectionFilter->count(); ++i)
        shown << m_collectionFilter->itemData(i).toString();
    const QString current = m_collectionFilter->currentData().toString();
    // A chosen collection stays a choice while it is chosen, even when its jobs go (no silent jump to "all").
    if (!current.isEmpty() && !names.contains(current))
        names << current;
    if (names != shown) {
        QSignalBlocker block(m_collectionFilter);
        m_collectionFilter->clear();
        m_collectionFilter->addItem(tr("All collections"), QString());
        for (const QString &n : std::as_const(names))
            m_collectionFilter->addItem(n, n);
        m_collectionFilter->setCurrentIndex(std::max(0, m_collectionFilter->findData(current)));
    }
    m_collectionFilter->setVisible(names.size() > 1);
}

void JobsTable::updateCounts()
{
    m_countsTimer->stop();
    updateCollections();
    m_counter->setConnectionFilter(m_connectionFilter->currentData().toString());
    m_counter->setCollectionFilter(m_collectionFilter->currentData().toString());
    for (int i = 0; i < m_tabNames.size(); ++i) {
        m_counter->setStateFilter(JobFilterProxy::StateFilter(i));
        const int n = m_counter->rowCount();
        //: A state tab and how many jobs it holds, e.g. "Failed (2)".
        m_stateTabs->setTabText(i, n ? tr("%1 (%2)").arg(m_tabNames[i]).arg(n) : m_tabNames[i]);
    }
}

void JobsTable::restoreState(const QSettings &settings)
{
    // A saved layout is the user's: it is never refitted.
    m_fitted = m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/jobsHeader")).toByteArray());
    m_stateTabs->setCurrentIndex(settings.value(QStringLiteral("window/stateFilter"), 0).toInt());
}

void JobsTable::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("window/jobsHeader"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("window/stateFilter"), m_stateTabs->currentIndex());
}
