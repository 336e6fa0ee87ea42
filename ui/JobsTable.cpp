#include "JobsTable.h"

#include "ImportService.h"
#include "JobFilterProxy.h"
#include "JobsModel.h"
#include "ProgressBarDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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
    for (const QString &t : {tr("All"), tr("Running"), tr("Failed"), tr("Completed"), tr("Expired")})
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
    filterRow->addWidget(m_search, 1);
    layout->addLayout(filterRow);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setAccessibleName(tr("Import jobs"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JobsModel::FirstSeenColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
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
    return m_empty->isVisibleTo(m_view->viewport()) ? m_empty->text() : QString();
}

void JobsTable::clearFilters()
{
    m_stateTabs->setCurrentIndex(0);
    m_search->clear();
    m_proxy->setText(QString());
    m_connectionFilter->setCurrentIndex(0);
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
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
    m_empty->setGeometry(m_view->viewport()->rect());
}

void JobsTable::restoreState(const QSettings &settings)
{
    m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/jobsHeader")).toByteArray());
    m_stateTabs->setCurrentIndex(settings.value(QStringLiteral("window/stateFilter"), 0).toInt());
}

void JobsTable::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("window/jobsHeader"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("window/stateFilter"), m_stateTabs->currentIndex());
}
