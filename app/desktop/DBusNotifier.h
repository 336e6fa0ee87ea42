#pragma once
// Desktop notifications through the freedesktop notification service (org.freedesktop.Notifications).

#include "Notifier.h"

#include <QHash>

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
};
