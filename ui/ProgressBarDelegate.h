#pragma once
// Paints progress bars itself (track, chunk, centred text that stays readable over both), coloured by state,
// so they look right in light and dark palettes, in every style and at any DPI.

#include <QStyledItemDelegate>

class ProgressBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Kind { Job, File };
    ProgressBarDelegate(Kind kind, int progressRole, int stateRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The chunk colour for a state in this palette (public for tests of contrast).
    static QColor chunkColor(const QPalette &palette, int stateCategory);
    enum Category { Running, Completed, Failed, Expired, Waiting, Searchable };
    int categoryOf(int state) const;

private:
    Kind m_kind;
    int m_progressRole;
    int m_stateRole;
};
