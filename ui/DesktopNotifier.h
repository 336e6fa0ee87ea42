#pragma once
// Notifications through the freedesktop service where one runs, else through the tray's balloons.

#include "Notifier.h"

#include <QPointer>

class DBusNotifier;
class TrayIcon;

class DesktopNotifier : public Notifier
{
    Q_OBJECT
public:
    DesktopNotifier(DBusNotifier *dbus, TrayIcon *tray, QObject *parent = nullptr);
    bool isAvailable() const override;
    void show(const Notification &n) override;
    void copyText(const QString &text) override; // the clipboard

private:
    QPointer<DBusNotifier> m_dbus;
    QPointer<TrayIcon> m_tray;
};
