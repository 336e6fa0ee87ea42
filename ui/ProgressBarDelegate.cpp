#include "ProgressBarDelegate.h"

#include "CollectionState.h"
#include "JobsModel.h"

#include "ImportTypes.h"
#include "JobFormatter.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

ProgressBarDelegate::ProgressBarDelegate(Kind kind, int progressRole, int stateRole, QObject *parent)
    : QStyledItemDelegate(parent), m_kind(kind), m_progressRole(progressRole), m_stateRole(stateRole)
{
}

int ProgressBarDelegate::categoryOf(int state) const
{
    if (m_kind == Kind::Job) {
        switch (JobState(state)) {
        case JobState::Completed: return Completed;
        case JobState::Failed:
        case JobState::Cancelled: return Failed;
        case JobState::Expired: return Expired;
        case JobState::Pending:
        case JobState::Finalizing: return Waiting;
        default: return Running;
        }
    }
    switch (FileState(state)) {
    case FileState::Completed: return Completed;
    case FileState::Failed: return Failed;
    case FileState::Pending: return Waiting;
    default: return Running;
    }
}

QColor ProgressBarDelegate::chunkColor(const QPalette &palette, int category)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (category) {
    case Completed: return dark ? QColor(0x3f, 0xa6, 0x5a) : QColor(0x2e, 0x7d, 0x32);
    case Failed: return dark ? QColor(0xe0, 0x55, 0x4d) : QColor(0xc6, 0x28, 0x28);
    case Expired: return dark ? QColor(0x80, 0x80, 0x88) : QColor(0x75, 0x75, 0x7d);
    case Waiting: return dark ? QColor(0xa8, 0x6c, 0x10) : QColor(0xa8, 0x62, 0x00);
    case Searchable: return dark ? QColor(0x2a, 0xa8, 0xa0) : QColor(0x00, 0x79, 0x6b); // teal: past Completed
    default: return dark ? QColor(0x3d, 0x8b, 0xe0) : QColor(0x1e, 0x63, 0xc4);
    }
}

void ProgressBarDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget); // selection background, focus

    const double progress = std::clamp(index.data(m_progressRole).toDouble(), 0.0, 100.0);
    int category = categoryOf(index.data(m_stateRole).toInt());
    // After the rows, a job's bar says where its collection is: indexing, failed index, searchable.
    auto phase = m_kind == Kind::Job ? CollectionPhase(index.data(JobsModel::CollectionPhaseRole).toInt()) : CollectionPhase::None;
    if (category != Completed && phase != CollectionPhase::Building)
        phase = CollectionPhase::None; // a running job's collection is searchable only once the job's rows are in
    if (phase == CollectionPhase::Searchable)
        category = Searchable;
    else if (phase == CollectionPhase::IndexFailed)
        category = Failed;
    const QPalette &pal = option.palette;
    const QRectF bar = QRectF(option.rect).adjusted(3, 3, -3, -3);
    if (bar.width() < 4 || bar.height() < 4)
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    const qreal radius = std::min<qreal>(4, bar.height() / 3);
    QPainterPath track;
    track.addRoundedRect(bar, radius, radius);
    // A selected row paints the track over the highlight: its text then takes the highlight's text colour (the
    // palette's text, black, on the selection's blue was hard to read).
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor under = selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base);
    const bool dark = under.lightness() < 128;
    QColor overlay = dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 22); // a faint lift off the base
    if (selected) // a faint shade away from the text's colour, so the text keeps its contrast
        overlay = pal.color(QPalette::HighlightedText).lightness() >= 128 ? QColor(0, 0, 0, 40) : QColor(255, 255, 255, 40);
    p->fillPath(track, overlay);
    p->setPen(QPen(dark ? QColor(255, 255, 255, 50) : QColor(0, 0, 0, 45), 1));
    p->drawPath(track);

    // A failed job shows its bar in full red: Milvus resets its progress to 0, which alone says nothing.
    const double shown = category == Failed ? 100.0 : progress;
    const QRectF chunkRect(bar.left(), bar.top(), bar.width() * shown / 100.0, bar.height());
    const QColor chunk = chunkColor(pal, category);
    p->save();
    p->setClipRect(chunkRect);
    p->fillPath(track, chunk);
    p->restore();

    // Text: the palette's text colour over the track, white over the chunk — readable on both.
    QString text = JobFormatter::percentText(progress);
    if (category == Failed)
        text = phase == CollectionPhase::IndexFailed ? tr("index failed") : tr("failed");
    else if (category == Searchable)
        text = tr("searchable");
    else if (phase == CollectionPhase::Building || phase == CollectionPhase::Indexed)
        text = phase == CollectionPhase::Building ? tr("indexing") : tr("not loaded");
    p->setFont(opt.font);
    text = QFontMetrics(opt.font).elidedText(text, Qt::ElideRight, int(bar.width()) - 4); // "fehlgeschlagen" in a narrow bar
    p->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    p->setClipRect(QRectF(chunkRect.right(), bar.top(), bar.right() - chunkRect.right() + 1, bar.height()));
    p->drawText(bar, Qt::AlignCenter, text);
    p->setClipRect(chunkRect);
    p->setPen(Qt::white);
    p->drawText(bar, Qt::AlignCenter, text);
    p->restore();
}

QSize ProgressBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    const int h = option.fontMetrics.height() + 8;
    const int text = std::max(option.fontMetrics.horizontalAdvance(QStringLiteral("100 %")), option.fontMetrics.horizontalAdvance(tr("failed")));
    return QSize(std::max(s.width(), text + 24), std::max(s.height(), h));
}
