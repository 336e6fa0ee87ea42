#pragma once
// Desktop notifications through the freedesktop notification service (org.freedesktop.Notifications).

#include "Notifier.h"

#include <QHash>
#include <optional>

class QDBusServiceWatcher;

class DBusNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit DBusNotifier(QObject *parent = nullptr);
    bool isAvailable() const override;
    void show(const Notification &n) override;

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);

private:
    QHash<uint, QString> m_jobOf; // notification id -> job key
    // Whether a notification daemon owns the name: asked the bus once, then kept current by the watcher, so a
    // notification never waits for a D-Bus round trip.
    mutable std::optional<bool> m_available;
    QDBusServiceWatcher *m_watcher;
};
