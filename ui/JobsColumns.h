#pragma once
// The jobs table's columns: IDs and names elided in the middle (their tails differ), widths fitted to the content
// on first show and to the room there is (1024 px without a horizontal scroll bar), and the header's menu that
// shows and hides columns.

#include <QStyledItemDelegate>
#include <functional>

class QHeaderView;
class QMenu;
class QTableView;

// Elides in the middle: "4532408638…50924" keeps the digits that tell two jobs apart.
class MiddleElideDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static constexpr Qt::TextElideMode elideMode = Qt::ElideMiddle;

    // Public, so that a test can see the option a cell is painted with.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

namespace JobsColumns {
// Sizes every visible column to its content (within a cap per column), then, when the sum is wider than
// `available`, hides the columns a narrow window can spare and narrows the elidable ones.
void fit(QTableView *view, int available);
// A menu of every column, checked when shown; toggling one calls `changed` (to persist it). Never hides the last.
QMenu *headerMenu(QHeaderView *header, QWidget *parent, const std::function<void()> &changed);
} // namespace JobsColumns
