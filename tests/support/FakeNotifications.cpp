#include "FakeNotifications.h"

#include <QDBusConnectionInterface>
#include <QFile>
#include <QStandardPaths>

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
}

PrivateSessionBus::PrivateSessionBus() = default;

PrivateSessionBus::~PrivateSessionBus()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5000)) {
            m_daemon.kill();
            m_daemon.waitForFinished(5000);
        }
    }
}

bool PrivateSessionBus::start(QString *error)
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty()) {
        *error = QStringLiteral("dbus-daemon is not installed");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory for the bus");
        return false;
    }
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile f(config);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig><type>session</type><listen>unix:dir=" + m_dir.path().toUtf8() + "</listen>\n"
            "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
            "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    f.close();
    m_daemon.start(daemon, {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted(10000)) {
        *error = QStringLiteral("dbus-daemon did not start: ") + m_daemon.errorString();
        return false;
    }
    while (!m_daemon.canReadLine()) {
        if (!m_daemon.waitForReadyRead(10000)) {
            *error = QStringLiteral("dbus-daemon printed no address: ") + QString::fromUtf8(m_daemon.readAllStandardError());
            return false;
        }
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    return true;
}

FakeNotificationServer::FakeNotificationServer(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("bulkwatch-fake-notifications"))
{
}

FakeNotificationServer::~FakeNotificationServer()
{
    QDBusConnection::disconnectFromBus(m_connectionName);
}

bool FakeNotificationServer::registerOnSessionBus(QString *error)
{
    QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName);
    if (!bus.isConnected()) {
        *error = QStringLiteral("cannot connect to the session bus: ") + bus.lastError().message();
        return false;
    }
    if (!bus.registerObject(kPath, this, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)) {
        *error = QStringLiteral("cannot export the notification object: ") + bus.lastError().message();
        return false;
    }
    if (!bus.registerService(kService)) {
        *error = QStringLiteral("cannot own %1 (another notification service runs?): %2").arg(kService, bus.lastError().message());
        return false;
    }
    return true;
}

QString FakeNotificationServer::uniqueName() const
{
    return QDBusConnection(m_connectionName).baseService();
}

void FakeNotificationServer::invokeAction(uint id, const QString &action)
{
    Q_EMIT ActionInvoked(id, action);
}

uint FakeNotificationServer::Notify(const QString &app_name, uint replaces_id, const QString &app_icon,
                                    const QString &summary, const QString &body, const QStringList &actions,
                                    const QVariantMap &hints, int expire_timeout)
{
    Call c;
    c.id = replaces_id ? replaces_id : m_nextId++;
    c.appName = app_name;
    c.replacesId = replaces_id;
    c.appIcon = app_icon;
    c.summary = summary;
    c.body = body;
    c.actions = actions;
    c.hints = hints;
    c.expireTimeout = expire_timeout;
    m_calls << c;
    return c.id;
}

QStringList FakeNotificationServer::GetCapabilities()
{
    return {QStringLiteral("actions"), QStringLiteral("body")};
}

void FakeNotificationServer::CloseNotification(uint id)
{
    Q_EMIT NotificationClosed(id, 3);
}

QString FakeNotificationServer::GetServerInformation(QString &vendor, QString &version, QString &spec_version)
{
    vendor = QStringLiteral("bulkwatch-tests");
    version = QStringLiteral("1");
    spec_version = QStringLiteral("1.2");
    return QStringLiteral("fake-notifications");
}
