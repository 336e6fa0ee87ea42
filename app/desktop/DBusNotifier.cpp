#include "DBusNotifier.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
}

DBusNotifier::DBusNotifier(QObject *parent)
    : Notifier(parent),
      m_watcher(new QDBusServiceWatcher(kService, QDBusConnection::sessionBus(), QDBusServiceWatcher::WatchForOwnerChange, this))
{
    QDBusConnection::sessionBus().connect(kService, kPath, kService, QStringLiteral("ActionInvoked"), this,
                                          SLOT(onActionInvoked(uint, QString)));
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) { m_available = !newOwner.isEmpty(); });
}

bool DBusNotifier::isAvailable() const
{
    if (!m_available) {
        const QDBusConnection bus = QDBusConnection::sessionBus();
        m_available = bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(kService).value();
    }
    return *m_available;
}

void DBusNotifier::show(const Notification &n)
{
    QDBusMessage m = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral(BULKWATCH_APP_ID)},
                            {QStringLiteral("urgency"), QVariant::fromValue<uchar>(n.kind == Notification::Kind::Failed || n.kind == Notification::Kind::IndexFailed ? 2 : 1)}};
    QStringList actions = n.jobKeys.isEmpty() ? QStringList() : QStringList{QStringLiteral("default"), QCoreApplication::translate("DBusNotifier", "Show")};
    if (!n.jobKeys.isEmpty())
        actions << n.actions;
    m << QCoreApplication::applicationName() << uint(0) << QStringLiteral(BULKWATCH_APP_ID) << n.title << n.body << actions << hints << int(-1);
    const QString key = n.jobKeys.value(0);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(m), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        if (!reply.isError() && !key.isEmpty())
            m_jobOf.insert(reply.value(), key);
        w->deleteLater();
    });
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    const QString key = m_jobOf.value(id);
    if (key.isEmpty())
        return; // another application's notification
    if (action == QLatin1String("default")) {
        m_jobOf.remove(id);
        Q_EMIT activated(key);
    } else {
        // The notification may stay on screen (a daemon with persistent notifications): Copy and Retry stay live.
        Q_EMIT actionInvoked(key, action);
    }
}
