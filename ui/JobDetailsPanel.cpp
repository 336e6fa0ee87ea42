#include "JobDetailsPanel.h"
#include "JobsColumns.h"
#include "CollectionSection.h"

#include "FilesModel.h"
#include "JobFormatter.h"
#include "JobRecord.h"
#include "JobsModel.h"
#include "ProgressBarDelegate.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {
bool awaitingCommit(const JobRecord &r)
{
    // The same test as the window's Commit/Abort actions.
    return !r.expired && r.job.serverState.compare(QLatin1String("Uncommitted"), Qt::CaseInsensitive) == 0;
}
} // namespace

JobDetailsPanel::JobDetailsPanel(FilesModel *files, QWidget *parent) : QWidget(parent), m_files(files)
{
    auto *dl = new QVBoxLayout(this);
    dl->setContentsMargins(0, 4, 0, 0);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.1);
    m_title->setFont(tf);
    m_phase = new QLabel(this);
    m_phase->setWordWrap(true);
    m_phase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phase->setAccessibleName(tr("Phase"));
    m_commit = new QPushButton(tr("Commit import…"), this);
    m_commit->setObjectName(QStringLiteral("detailsCommit"));
    m_abort = new QPushButton(tr("Abort import…"), this);
    m_abort->setObjectName(QStringLiteral("detailsAbort"));
    connect(m_commit, &QPushButton::clicked, this, &JobDetailsPanel::commitRequested);
    connect(m_abort, &QPushButton::clicked, this, &JobDetailsPanel::abortRequested);
    auto *phaseRow = new QHBoxLayout;
    phaseRow->addWidget(m_phase, 1);
    phaseRow->addWidget(m_commit);
    phaseRow->addWidget(m_abort);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAccessibleName(tr("Rows, throughput and time left"));
    m_times = new QLabel(this);
    // Wrapped, so a large font does not make the window wider than the screen.
    m_times->setWordWrap(true);
    m_times->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_times->setAccessibleName(tr("Times"));
    m_error = new QPlainTextEdit(this);
    m_error->setReadOnly(true);
    m_error->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_error->setAccessibleName(tr("Error"));
    m_error->setMaximumHeight(fontMetrics().height() * 6);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary = new QLabel(this);
    m_summary->setAccessibleName(tr("Files summary"));
    m_failedOnly = new QCheckBox(tr("Failed files only"), this);
    m_failedOnly->setObjectName(QStringLiteral("failedFilesOnly"));
    connect(m_failedOnly, &QCheckBox::toggled, this, &JobDetailsPanel::applyFileFilter);
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_summary, 1);
    filesRow->addWidget(m_failedOnly);
    m_filesView = new QTableView(this);
    m_filesView->setObjectName(QStringLiteral("filesView"));
    m_filesView->setAccessibleName(tr("Files of the selected job"));
    m_filesView->setModel(m_files);
    m_filesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_filesView->setAlternatingRowColors(true);
    m_filesView->setWordWrap(false);
    // Paths differ in their tail ("…/part-0001.parquet" vs "…/part-0002.parquet"): elide in the middle.
    m_filesView->setItemDelegateForColumn(FilesModel::NameColumn, new MiddleElideDelegate(m_filesView));
    m_filesView->verticalHeader()->hide();
    // Fits the pane (1024 px with no sideways scrolling): the short columns to their content, the file and the
    // reason share the rest, elided (the whole text is the tooltip); the reason column only where a file has one.
    QHeaderView *fh = m_filesView->horizontalHeader();
    fh->setStretchLastSection(false);
    fh->setHighlightSections(false); // bold headers clip instead of eliding (see JobsTable)
    fh->setTextElideMode(Qt::ElideRight);
    // The short columns fit the rows on screen: Qt's default measures 1,000 rows, on every change of a 1,024-file
    // job's rows (four columns: ~4,000 size hints per answer, on the GUI thread). Their texts are alike anyway.
    fh->setResizeContentsPrecision(0);
    for (int c : {int(FilesModel::SizeColumn), int(FilesModel::RowsColumn), int(FilesModel::StateColumn), int(FilesModel::CompletedColumn)})
        fh->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    fh->setSectionResizeMode(FilesModel::ProgressColumn, QHeaderView::Fixed);
    fh->setSectionResizeMode(FilesModel::NameColumn, QHeaderView::Stretch);
    fh->setSectionResizeMode(FilesModel::ReasonColumn, QHeaderView::Stretch);
    m_filesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_filesView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_filesView->setItemDelegateForColumn(FilesModel::ProgressColumn,
                                          new ProgressBarDelegate(ProgressBarDelegate::Kind::File, FilesModel::ProgressRole, FilesModel::StateRole, this));
    m_filesView->setColumnWidth(FilesModel::ProgressColumn, 110);
    // The filter hides rows of the files model itself (no proxy): the window maps the files view's rows to files.
    connect(m_files, &QAbstractItemModel::modelReset, this, &JobDetailsPanel::applyFileFilter);
    // An answer changes scattered rows of a 1,024-file job: one dataChanged per span, dozens per answer. Each span
    // re-filters only its rows; the summary and the reason column look at every file once, at the end.
    connect(m_files, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        filterRows(from.row(), to.row());
    });
    connect(m_files, &FilesModel::filesUpdated, this, &JobDetailsPanel::updateFilesSummary);
    dl->addWidget(m_title);
    dl->addLayout(phaseRow);
    dl->addWidget(m_collection = new CollectionSection(this));
    dl->addWidget(m_facts);
    dl->addWidget(m_times);
    dl->addWidget(m_error);
    dl->addLayout(filesRow);
    dl->addWidget(m_filesView, 1);
    m_commit->hide();
    m_abort->hide();
    m_facts->hide();
    m_times->hide();
    m_failedOnly->hide();
}

void JobDetailsPanel::setJobsModel(JobsModel *jobs)
{
    m_jobs = jobs;
    // The model's clock tick (and every answer) repaints its rows: the selected one repaints here too.
    connect(jobs, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_key.isEmpty() ? -1 : m_jobs->rowOf(m_key);
        if (row >= from.row() && row <= to.row())
            refreshFromModel();
    });
}

void JobDetailsPanel::refreshFromModel()
{
    if (const JobRecord *r = m_jobs ? m_jobs->record(m_jobs->rowOf(m_key)) : nullptr)
        showText(*r, m_jobs->now());
}

void JobDetailsPanel::showJob(const JobRecord *r, const QDateTime &now, bool haveConnections)
{
    if (!r) {
        m_key.clear();
        m_title->setText(haveConnections ? tr("Select a job to see its files.") : QString());
        m_phase->clear();
        m_facts->hide();
        m_times->hide();
        m_commit->hide();
        m_abort->hide();
        m_error->hide();
        m_files->setJobState(JobState::Unknown);
        m_files->setFiles(QString(), {});
        m_summary->clear();
        m_failedOnly->hide();
        m_collection->showJob(nullptr);
        return;
    }
    m_key = r->key();
    showText(*r, now);
    m_files->setJobState(r->job.state);
    // The model says what changed (a reset, or rows and filesUpdated): the filter and summary follow its signals.
    m_files->setFiles(r->key(), r->job.files);
    m_failedOnly->setVisible(r->job.files.size() > 1);
}

void JobDetailsPanel::showText(const JobRecord &r, const QDateTime &now)
{
    m_collection->showJob(&r);
    const JobProgress &j = r.job;
    m_title->setText(tr("Job %1 · %2 · %3").arg(j.jobId, j.collectionName.value_or(QStringLiteral("—")),
                                                   r.expired ? tr("Expired (last: %1)").arg(JobsModel::stateText(j.state)) : JobsModel::stateLabel(r)));
    const JobPhase phaseNow = r.expired ? JobPhase::Gone : jobPhase(j);
    QString phase = r.aborted() && !r.expired ? tr("Aborted from Bulkwatch — an aborted import leaves nothing in the collection.")
                                              : jobPhaseText(phaseNow);
    if (!r.hasDetails && !r.expired && r.lastError.kind == ErrorKind::None)
        phase += QLatin1Char(' ') + tr("Fetching the files…");
    const qint64 stalled = r.stalledSeconds(now);
    // A job waiting for a commit waits for the user, not for the server: "no change" would blame the server.
    if (stalled >= 120 && phaseNow != JobPhase::AwaitingCommit && phaseNow != JobPhase::Waiting)
        phase += QLatin1Char(' ') + tr("No change for %1.").arg(JobFormatter::durationText(stalled));
    m_phase->setText(phase);
    const bool uncommitted = awaitingCommit(r);
    m_commit->setVisible(uncommitted);
    m_abort->setVisible(uncommitted);

    QStringList facts{tr("Rows: %1").arg(JobsModel::rowsLabel(r))};
    QStringList tips;
    if (!JobsModel::rowsTooltip(r).isEmpty())
        tips << JobsModel::rowsTooltip(r);
    if (JobsModel::throughputText(r) != QStringLiteral("—"))
        facts << JobsModel::throughputText(r);
    if (m_jobs && !isTerminal(j.state) && !r.expired) {
        const EtaEstimate eta = m_jobs->eta(r);
        facts << tr("ETA: %1").arg(eta.seconds < 0 ? QStringLiteral("—") : JobFormatter::durationText(eta.seconds));
        tips << eta.reason;
    }
    const qint64 duration = JobFormatter::durationSeconds(r, now);
    if (duration >= 0)
        facts << tr("Duration: %1").arg(JobFormatter::durationText(duration));
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    m_facts->setToolTip(tips.join(QLatin1Char('\n')));
    m_facts->show();

    // The same times as the table's columns and the CSV export (JobFormatter), each named for what it is.
    QStringList times;
    const QDateTime created = JobFormatter::createdAt(r);
    times << tr("Created: %1").arg(created.isValid() ? JobFormatter::localText(created) : tr("— (the server does not say)"));
    times << tr("First seen by Bulkwatch: %1").arg(JobFormatter::localText(JobFormatter::firstSeenAt(r)));
    if (JobFormatter::completedAt(r).isValid())
        times << tr("Completed: %1").arg(JobFormatter::localText(JobFormatter::completedAt(r)));
    m_times->setText(times.join(QStringLiteral(" · ")));
    m_times->show();

    QString error;
    if (!j.reason.isEmpty())
        error = j.reason;
    else if (j.state == JobState::Failed)
        error = tr("The server gave no reason for this failure.");
    if (r.lastError.isError())
        error += (error.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("Last poll: %1").arg(r.lastError.message.isEmpty() ? r.lastError.summary() : r.lastError.message);
    // Rewriting unchanged text would drop the user's selection in it on every poll.
    if (error != m_error->toPlainText())
        m_error->setPlainText(error);
    m_error->setVisible(!error.isEmpty());
}

void JobDetailsPanel::applyFileFilter()
{
    filterRows(0, m_files->rowCount() - 1);
    updateFilesSummary();
}

void JobDetailsPanel::filterRows(int first, int last)
{
    const bool failedOnly = m_failedOnly->isChecked();
    for (int row = first; row <= last; ++row) {
        const FileProgress *f = m_files->file(row);
        m_filesView->setRowHidden(row, failedOnly && f && f->state != FileState::Failed);
    }
}

void JobDetailsPanel::updateFilesSummary()
{
    bool anyReason = false;
    for (int row = 0; row < m_files->rowCount() && !anyReason; ++row) {
        const FileProgress *f = m_files->file(row);
        anyReason = f && !f->reason.isEmpty();
    }
    m_filesView->setColumnHidden(FilesModel::ReasonColumn, !anyReason);
    m_summary->setText(!m_key.isEmpty() && m_files->rowCount() > 1 ? m_files->summary() : QString());
}

QString JobDetailsPanel::titleText() const
{
    return m_title->text();
}

QString JobDetailsPanel::phaseText() const
{
    return m_phase->text();
}

QString JobDetailsPanel::factsText() const
{
    return m_facts->isVisibleTo(window()) ? m_facts->text() : QString();
}

QString JobDetailsPanel::factsToolTip() const
{
    return m_facts->toolTip();
}

QString JobDetailsPanel::timesText() const
{
    return m_times->isVisibleTo(window()) ? m_times->text() : QString();
}

QString JobDetailsPanel::errorText() const
{
    return m_error->isVisibleTo(window()) ? m_error->toPlainText() : QString();
}

QString JobDetailsPanel::filesSummaryText() const
{
    return m_summary->text();
}
