#pragma once
// A private D-Bus session bus for one test program, and a fake org.freedesktop.Notifications service on it
// that records every Notify call and can play the user's click (ActionInvoked).

#include <QDBusConnection>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

// Starts a dbus-daemon of its own and points DBUS_SESSION_BUS_ADDRESS at it. Call before anything in the
// process uses QDBusConnection::sessionBus() (in initTestCase); the desktop's own bus is never touched.
class PrivateSessionBus
{
public:
    PrivateSessionBus();
    ~PrivateSessionBus();
    bool start(QString *error);
    QString address() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        uint id = 0;
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };

    explicit FakeNotificationServer(QObject *parent = nullptr);
    ~FakeNotificationServer() override;
    // Takes the service name on its own connection to the session bus, as a separate process would.
    bool registerOnSessionBus(QString *error);
    QString uniqueName() const;
    QList<Call> calls() const { return m_calls; }
    // The user clicks notification `id` (action "default": its body).
    void invokeAction(uint id, const QString &action = QStringLiteral("default"));

public Q_SLOTS:
    uint Notify(const QString &app_name, uint replaces_id, const QString &app_icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expire_timeout);
    QStringList GetCapabilities();
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &spec_version);

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action_key);
    void NotificationClosed(uint id, uint reason);

private:
    QString m_connectionName;
    QList<Call> m_calls;
    uint m_nextId = 41;
};
