#include "SettingsDialog.h"

#include "NotificationCenter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSettings>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(NotificationCenter *notifications, QWidget *parent)
    : QDialog(parent), m_notifications(notifications)
{
    setWindowTitle(tr("Preferences"));
    auto *group = new QGroupBox(tr("Notify me when"), this);
    auto *gl = new QVBoxLayout(group);
    const QList<QPair<Notification::Kind, QString>> kinds = {
        {Notification::Kind::Completed, tr("an import &completes")},
        {Notification::Kind::Failed, tr("an import &fails")},
        {Notification::Kind::Expired, tr("the server &forgets a finished import (expired)")},
        {Notification::Kind::ConnectionLost, tr("a connection is &lost")},
        {Notification::Kind::ConnectionBack, tr("a connection is &back")}};
    for (const auto &k : kinds) {
        auto *b = new QCheckBox(k.second, group);
        b->setChecked(notifications ? notifications->isEnabled(k.first) : false);
        b->setProperty("kind", int(k.first));
        gl->addWidget(b);
        m_boxes << b;
    }
    m_close = new QComboBox(this);
    m_close->addItem(tr("Ask"), QString());
    m_close->addItem(tr("Keep running in the tray"), QStringLiteral("tray"));
    m_close->addItem(tr("Quit"), QStringLiteral("quit"));
    m_close->setCurrentIndex(std::max(0, m_close->findData(QSettings().value(QStringLiteral("window/closeAction")).toString())));
    auto *form = new QFormLayout;
    form->addRow(tr("Closing the window (with a tray):"), m_close);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(group);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

QCheckBox *SettingsDialog::box(int kind) const
{
    for (QCheckBox *b : m_boxes)
        if (b->property("kind").toInt() == kind)
            return b;
    return nullptr;
}

void SettingsDialog::accept()
{
    if (m_notifications)
        for (QCheckBox *b : std::as_const(m_boxes))
            m_notifications->setEnabled(Notification::Kind(b->property("kind").toInt()), b->isChecked());
    QSettings().setValue(QStringLiteral("window/closeAction"), m_close->currentData().toString());
    QDialog::accept();
}
