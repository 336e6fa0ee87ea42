#include "StatusMessages.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

StatusMessages::StatusMessages(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_close(new QToolButton(this)), m_timer(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_label->setAccessibleName(tr("Status message"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wide enough for "Copied." however long the health line beside it gets.
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("Support report copied")));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->hide();
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &StatusMessages::dismiss);
    connect(m_close, &QToolButton::clicked, this, &StatusMessages::dismiss);
}

void StatusMessages::showInfo(const QString &text)
{
    show(text, false);
}

void StatusMessages::showError(const QString &text)
{
    show(text, true);
}

void StatusMessages::show(const QString &text, bool error)
{
    m_error = error;
    m_label->setText(text);
    m_label->setToolTip(text);
    // Errors in bold: the palette has no error colour, and bold reads on every palette and theme.
    QFont f = font();
    f.setBold(error);
    m_label->setFont(f);
    m_close->setVisible(error);
    if (error)
        m_timer->stop();
    else
        m_timer->start(m_infoTimeoutMs);
}

void StatusMessages::dismiss()
{
    m_timer->stop();
    m_error = false;
    m_label->clear();
    m_label->setToolTip(QString());
    m_close->hide();
}

QString StatusMessages::text() const
{
    return m_label->text();
}
