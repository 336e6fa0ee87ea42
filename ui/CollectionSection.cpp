#include "CollectionSection.h"

#include "ImportService.h"
#include "JobRecord.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

CollectionSection::CollectionSection(QWidget *parent) : QWidget(parent)
{
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("collectionPhase"));
    m_phase->setWordWrap(true);
    m_phase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phase->setAccessibleName(tr("Collection"));
    m_refresh = new QPushButton(tr("Refresh load…"), this);
    m_refresh->setObjectName(QStringLiteral("collectionRefreshLoad"));
    m_refresh->setToolTip(tr("The collection was loaded before the import: newly imported rows become visible to "
                             "searches after a refresh of its load."));
    connect(m_refresh, &QPushButton::clicked, this, &CollectionSection::refreshLoad);
    row->addWidget(m_phase, 1);
    row->addWidget(m_refresh);
    l->addLayout(row);
    m_rows = new QLabel(this);
    m_rows->setObjectName(QStringLiteral("collectionRows"));
    m_rows->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_rows);
    // Read-only but selectable: the whole index failure can be copied, as an import failure can.
    m_failure = new QPlainTextEdit(this);
    m_failure->setObjectName(QStringLiteral("collectionFailure"));
    m_failure->setReadOnly(true);
    m_failure->setMaximumHeight(70);
    m_failure->setAccessibleName(tr("Index failure"));
    l->addWidget(m_failure);
    hide();
}

void CollectionSection::showJob(const JobRecord *r)
{
    if (!r || !r->collection.present) {
        m_key.clear();
        hide();
        return;
    }
    m_key = r->key();
    const CollectionState &c = r->collection;
    m_phase->setText(tr("Collection %1: %2").arg(c.name.isEmpty() ? r->job.collectionName.value_or(QString()) : c.name,
                                                   collectionPhaseText(c)));
    const QLocale loc;
    // The rows beside the job's only once it has completed (before, the count is the collection's old one). A job
    // first seen already ended has no row count until its first describe: say nothing rather than "0".
    const bool completed = r->job.state == JobState::Completed;
    if (c.rowCount && completed && r->job.importedRows)
        m_rows->setText(tr("%1 rows in the collection, %2 imported by this job")
                            .arg(loc.toString(*c.rowCount), loc.toString(*r->job.importedRows)));
    else if (c.rowCount && completed)
        m_rows->setText(tr("%1 rows in the collection").arg(loc.toString(*c.rowCount)));
    m_rows->setVisible(c.rowCount.has_value() && completed);
    QStringList failures;
    for (const IndexStatus &i : c.indexes)
        if (i.state == IndexState::Failed)
            failures << tr("Index %1 on %2: %3").arg(i.indexName, i.fieldName, i.failReason.isEmpty() ? tr("no reason given") : i.failReason);
    if (m_failure->toPlainText() != failures.join(QLatin1Char('\n')))
        m_failure->setPlainText(failures.join(QLatin1Char('\n')));
    m_failure->setVisible(!failures.isEmpty());
    // Loaded while the job imported: the loaded segments do not see the new rows until the load is refreshed.
    m_refresh->setVisible(m_service && r->job.state == JobState::Completed && c.loadState == LoadState::Loaded);
    show();
}

QString CollectionSection::phaseText() const { return isHidden() ? QString() : m_phase->text(); }
QString CollectionSection::rowsText() const { return isHidden() || m_rows->isHidden() ? QString() : m_rows->text(); }
QString CollectionSection::failureText() const { return m_failure->isHidden() ? QString() : m_failure->toPlainText(); }

void CollectionSection::refreshLoad()
{
    if (!m_service || m_key.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Refresh load"),
                    tr("Reload the collection so that searches see the newly imported rows? Searches keep working "
                       "while it reloads."),
                    QMessageBox::Cancel, this);
    QPushButton *verb = box.addButton(tr("Refresh load"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != verb)
        return;
    QPointer<CollectionSection> self(this);
    m_refresh->setEnabled(false);
    m_service->refreshLoad(m_key, [self](const ApiError &e) {
        if (!self)
            return;
        self->m_refresh->setEnabled(true);
        if (e.isError())
            QMessageBox::warning(self, tr("Refresh load"), tr("The load could not be refreshed: %1").arg(e.summary()));
    });
}
