#include "DesktopNotifier.h"

#include "DBusNotifier.h"
#include "TrayIcon.h"

#include <QClipboard>
#include <QGuiApplication>

DesktopNotifier::DesktopNotifier(DBusNotifier *dbus, TrayIcon *tray, QObject *parent)
    : Notifier(parent), m_dbus(dbus), m_tray(tray)
{
    if (dbus) {
        connect(dbus, &Notifier::activated, this, &Notifier::activated);
        connect(dbus, &Notifier::actionInvoked, this, &Notifier::actionInvoked);
    }
    if (tray)
        connect(tray, &Notifier::activated, this, &Notifier::activated);
}

bool DesktopNotifier::isAvailable() const
{
    return (m_dbus && m_dbus->isAvailable()) || (m_tray && m_tray->isAvailable());
}

void DesktopNotifier::show(const Notification &n)
{
    if (m_dbus && m_dbus->isAvailable())
        m_dbus->show(n);
    else if (m_tray && m_tray->isAvailable())
        m_tray->show(n);
}

void DesktopNotifier::copyText(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}
