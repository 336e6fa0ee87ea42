#include "SettingsDialog.h"

#include "DesktopPreferences.h"
#include "NotificationCenter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
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
        {Notification::Kind::ConnectionBack, tr("a connection is &back")},
        {Notification::Kind::Searchable, tr("an imported collection is ready to &search")},
        {Notification::Kind::IndexFailed, tr("its &index fails")}};
    for (const auto &k : kinds) {
        auto *b = new QCheckBox(k.second, group);
        b->setChecked(notifications ? notifications->isEnabled(k.first) : false);
        b->setProperty("kind", int(k.first));
        gl->addWidget(b);
        m_boxes << b;
    }
    // The stall alert: off by default; the minutes stay editable so the number can be set before ticking.
    m_stall = new QCheckBox(tr("a running import has not &moved for"), group);
    m_stallMinutes = new QSpinBox(group);
    m_stallMinutes->setRange(1, 24 * 60);
    m_stallMinutes->setSuffix(tr(" min"));
    m_stallMinutes->setAccessibleName(tr("Minutes without movement"));
    const int minutes = notifications ? notifications->stallMinutes() : 0;
    m_stall->setChecked(minutes > 0);
    m_stallMinutes->setValue(minutes > 0 ? minutes : 10);
    auto *stallRow = new QHBoxLayout;
    stallRow->addWidget(m_stall);
    stallRow->addWidget(m_stallMinutes);
    stallRow->addStretch(1);
    gl->addLayout(stallRow);

    m_close = new QComboBox(this);
    m_close->addItem(tr("Ask"), QString());
    m_close->addItem(tr("Keep running in the tray"), QStringLiteral("tray"));
    m_close->addItem(tr("Quit"), QStringLiteral("quit"));
    m_close->setCurrentIndex(std::max(0, m_close->findData(QSettings().value(QStringLiteral("window/closeAction")).toString())));

    m_pace = new QComboBox(this);
    m_pace->addItem(tr("Gentle — half as many requests"), int(DesktopPreferences::Pace::Gentle));
    m_pace->addItem(tr("Normal"), int(DesktopPreferences::Pace::Normal));
    m_pace->addItem(tr("Brisk — twice as often"), int(DesktopPreferences::Pace::Brisk));
    m_pace->setCurrentIndex(std::max(0, m_pace->findData(int(DesktopPreferences::pace()))));
    m_pace->setToolTip(tr("How often Bulkwatch asks the servers; never more than 20 requests per second per connection."));

    m_retention = new QComboBox(this);
    m_retention->addItem(tr("Forever"), 0);
    for (const int days : {7, 30, 90, 365})
        m_retention->addItem(days == 365 ? tr("1 year") : tr("%1 days").arg(days), days);
    const int keep = DesktopPreferences::retentionDays();
    if (m_retention->findData(keep) < 0)
        m_retention->addItem(tr("%1 days").arg(keep), keep);
    m_retention->setCurrentIndex(m_retention->findData(keep));
    m_retention->setToolTip(tr("Finished imports older than this are removed from Bulkwatch's history; nothing changes on the server."));

    m_language = new QComboBox(this);
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(DesktopPreferences::language())));
    m_languageNote = new QLabel(tr("Applied at the next start."), this);
    m_languageNote->setEnabled(false); // a quiet hint, in the palette's disabled text colour
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addWidget(m_languageNote, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Closing the window (with a tray):"), m_close);
    form->addRow(tr("&Polling pace:"), m_pace);
    form->addRow(tr("&Keep finished imports:"), m_retention);
    form->addRow(tr("&Language:"), languageRow);
    if (auto *languageLabel = qobject_cast<QLabel *>(form->labelForField(languageRow)))
        languageLabel->setBuddy(m_language); // else the label shows its '&' and Alt+L reaches nothing
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
    if (m_notifications) {
        for (QCheckBox *b : std::as_const(m_boxes))
            m_notifications->setEnabled(Notification::Kind(b->property("kind").toInt()), b->isChecked());
        m_notifications->setStallMinutes(m_stall->isChecked() ? m_stallMinutes->value() : 0);
    }
    QSettings().setValue(QStringLiteral("window/closeAction"), m_close->currentData().toString());
    const auto pace = DesktopPreferences::Pace(m_pace->currentData().toInt());
    const bool paceChanged = pace != DesktopPreferences::pace();
    DesktopPreferences::setPace(pace);
    DesktopPreferences::setRetentionDays(m_retention->currentData().toInt());
    DesktopPreferences::setLanguage(m_language->currentData().toString());
    // Pace and retention take effect now; the language with the next start (the note says so).
    if (ImportService *service = m_notifications ? m_notifications->service() : nullptr) {
        if (paceChanged)
            service->setOptions(DesktopPreferences::pacedOptions(service->options(), pace));
        if (const int days = DesktopPreferences::retentionDays(); days > 0)
            service->forgetFinishedBefore(service->now().addDays(-days));
    }
    QDialog::accept();
}
