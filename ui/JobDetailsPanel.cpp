#include "JobDetailsPanel.h"

#include "FilesModel.h"
#include "JobFormatter.h"
#include "JobRecord.h"
#include "JobsModel.h"
#include "ProgressBarDelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QVBoxLayout>

JobDetailsPanel::JobDetailsPanel(FilesModel *files, QWidget *parent) : QWidget(parent), m_files(files)
{
    auto *dl = new QVBoxLayout(this);
    dl->setContentsMargins(0, 4, 0, 0);
    m_title = new QLabel(this);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.1);
    m_title->setFont(tf);
    m_phase = new QLabel(this);
    m_phase->setWordWrap(true);
    m_phase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phase->setAccessibleName(tr("Phase"));
    m_error = new QPlainTextEdit(this);
    m_error->setReadOnly(true);
    m_error->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_error->setAccessibleName(tr("Error"));
    m_error->setMaximumHeight(fontMetrics().height() * 6);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_filesView = new QTableView(this);
    m_filesView->setObjectName(QStringLiteral("filesView"));
    m_filesView->setAccessibleName(tr("Files of the selected job"));
    m_filesView->setModel(m_files);
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
    dl->addWidget(m_title);
    dl->addWidget(m_phase);
    dl->addWidget(m_error);
    dl->addWidget(m_filesView, 1);
}

void JobDetailsPanel::showJob(const JobRecord *r, const QDateTime &now, bool haveConnections)
{
    if (!r) {
        m_title->setText(haveConnections ? tr("Select a job to see its files.") : QString());
        m_phase->clear();
        m_error->hide();
        m_files->setFiles(QString(), {});
        return;
    }
    const JobProgress &j = r->job;
    m_title->setText(tr("Job %1 · %2 · %3").arg(j.jobId, j.collectionName.value_or(QStringLiteral("—")), JobsModel::stateText(r->displayState())));
    QString phase = jobPhaseText(r->expired ? JobPhase::Gone : jobPhase(j));
    if (!r->hasDetails && !r->expired && r->lastError.kind == ErrorKind::None)
        phase += QLatin1Char(' ') + tr("Fetching the files…");
    const qint64 stalled = r->stalledSeconds(now);
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
    // Rewriting unchanged text would drop the user's selection in it on every poll.
    if (error != m_error->toPlainText())
        m_error->setPlainText(error);
    m_error->setVisible(!error.isEmpty());
    m_files->setFiles(r->key(), j.files);
}

QString JobDetailsPanel::phaseText() const
{
    return m_phase->text();
}

QString JobDetailsPanel::errorText() const
{
    return m_error->isVisibleTo(window()) ? m_error->toPlainText() : QString();
}
