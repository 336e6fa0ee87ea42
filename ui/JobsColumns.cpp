#include "JobsColumns.h"

#include "JobsModel.h"
#include "ProgressBarDelegate.h"

#include <QHash>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QTableView>

void MiddleElideDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = elideMode;
}

namespace JobsColumns {

namespace {
// What a full cell of the column looks like once the jobs have answered (the first rows often show "—"): fitted to
// at least this, the column does not cut its numbers a minute later.
QString sample(int column)
{
    switch (column) {
    case JobsModel::RowsColumn: return QStringLiteral("4,600,000 / 4,600,000");
    case JobsModel::SizeColumn: return QStringLiteral("999.9 MiB");
    case JobsModel::FirstSeenColumn:
    case JobsModel::CreatedColumn:
    case JobsModel::CompletedColumn: return QStringLiteral("2026-12-02 05:08:28");
    case JobsModel::DurationColumn: return QStringLiteral("10 min 55 s");
    case JobsModel::EtaColumn: return QStringLiteral("12 min 5 s");
    case JobsModel::ThroughputColumn: return JobsModel::tr("%1 rows/s").arg(QLocale().toString(123456));
    case JobsModel::ProgressColumn: return ProgressBarDelegate::tr("failed") + QStringLiteral("    "); // wider than "100 %", in German too
    default: return QString();
    }
}

// Narrowest an elided column gets before other columns are hidden (in average character widths).
int comfortableChars(int column)
{
    switch (column) {
    case JobsModel::JobIdColumn: return 17; // digits are wider than the average character
    case JobsModel::StateColumn: return 18; // "Sorting / indexing", "Awaiting commit" whole
    default: return 12;
    }
}

// Widest a column grows when fitted (in average character widths): past it, the text elides.
int capChars(int column)
{
    switch (column) {
    case JobsModel::JobIdColumn: return 20;
    case JobsModel::CollectionColumn: return 18;
    case JobsModel::StateColumn: return 22;
    case JobsModel::RowsColumn: return 24;
    case JobsModel::ActivityColumn: return 22;
    default: return 18;
    }
}
} // namespace

void fit(QTableView *view, int available)
{
    QHeaderView *header = view->horizontalHeader();
    const int columns = view->model()->columnCount();
    const int ch = view->fontMetrics().averageCharWidth();
    const auto visibleSum = [&] {
        int sum = 0;
        for (int c = 0; c < columns; ++c)
            if (!header->isSectionHidden(c))
                sum += header->sectionSize(c);
        return sum;
    };
    QHash<int, int> wanted; // each column's fitted width, before any narrowing
    // Only the rows on screen: Qt's default also measures 1,000 more, and with a full history that was half the
    // time to the first paint (~170 ms of text shaping for 1,200 jobs).
    const int precision = header->resizeContentsPrecision();
    header->setResizeContentsPrecision(0);
    for (int c = 0; c < columns; ++c) {
        if (header->isSectionHidden(c))
            continue;
        view->resizeColumnToContents(c); // the rows on screen and the header's own text
        const int full = view->fontMetrics().horizontalAdvance(sample(c)) + 16;
        const int content = std::max(header->sectionSize(c), full);
        header->resizeSection(c, std::min(content, std::max(full, capChars(c) * ch + 16)));
        wanted[c] = header->sectionSize(c);
    }
    header->setResizeContentsPrecision(precision);
    const QList<int> elidable = {JobsModel::ActivityColumn, JobsModel::CollectionColumn, JobsModel::StateColumn, JobsModel::JobIdColumn};
    const auto narrow = [&](const std::function<int(int)> &minChars) {
        for (int step = 0; step < 60 && visibleSum() > available; ++step) {
            bool narrowed = false;
            for (int c : elidable) {
                if (header->isSectionHidden(c) || header->sectionSize(c) <= minChars(c) * ch + 16)
                    continue;
                header->resizeSection(c, header->sectionSize(c) - ch);
                narrowed = true;
                if (visibleSum() <= available)
                    return;
            }
            if (!narrowed)
                return;
        }
    };
    // Too wide: elided text down to a comfortable width (names and activity before state and ID), then hide the
    // columns a glance can do without (in this order; the header's menu brings them back), then narrower still.
    narrow([](int c) { return c == JobsModel::StateColumn || c == JobsModel::JobIdColumn ? 40 : comfortableChars(c); });
    narrow(comfortableChars);
    for (int c : {int(JobsModel::CompletedColumn), int(JobsModel::CreatedColumn), int(JobsModel::SizeColumn),
                  int(JobsModel::DurationColumn), int(JobsModel::ThroughputColumn), int(JobsModel::FirstSeenColumn)}) {
        if (visibleSum() <= available)
            break;
        header->hideSection(c);
    }
    narrow([](int) { return 8; });
    // What hiding a column freed goes back to the elided ones, the state first.
    for (int c : {int(JobsModel::StateColumn), int(JobsModel::JobIdColumn), int(JobsModel::CollectionColumn), int(JobsModel::ActivityColumn)}) {
        const int spare = available - visibleSum();
        if (spare <= 0)
            break;
        if (!header->isSectionHidden(c) && wanted.value(c) > header->sectionSize(c))
            header->resizeSection(c, header->sectionSize(c) + std::min(spare, wanted.value(c) - header->sectionSize(c)));
    }
}

QMenu *headerMenu(QHeaderView *header, QWidget *parent, const std::function<void()> &changed)
{
    auto *menu = new QMenu(parent);
    QAbstractItemModel *model = header->model();
    int shown = 0;
    for (int c = 0; c < model->columnCount(); ++c)
        shown += !header->isSectionHidden(c);
    for (int c = 0; c < model->columnCount(); ++c) {
        QAction *a = menu->addAction(model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(!(a->isChecked() && shown == 1)); // one column always stays
        QObject::connect(a, &QAction::toggled, header, [header, c, changed](bool on) {
            header->setSectionHidden(c, !on);
            if (on && header->sectionSize(c) < 30)
                header->resizeSection(c, header->defaultSectionSize());
            changed();
        });
    }
    return menu;
}

} // namespace JobsColumns
