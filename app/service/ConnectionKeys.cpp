#include "ConnectionKeys.h"

#include "SecretStore.h"

#include <QPointer>
#include <QTimer>

ConnectionKeys::ConnectionKeys(SecretStore *keychain, QObject *parent)
    : QObject(parent), m_keychain(keychain), m_session(new MemorySecretStore(this))
{
    if (!m_keychain)
        m_keychain = m_session;
}

SecretStore *ConnectionKeys::storeFor(bool sessionOnly) const
{
    return sessionOnly ? static_cast<SecretStore *>(m_session) : m_keychain;
}

void ConnectionKeys::read(const Connection &c, bool retryOnce, QObject *context, ReadDone done)
{
    QPointer<QObject> ctx(context);
    storeFor(c.sessionOnlyKey)->read(c.id, context, [this, c, retryOnce, ctx, done](const SecretStore::Result &r) {
        if (!ctx)
            return;
        if (r.status == SecretStore::Status::Ok)
            return done(r.secret, QString());
        // At login the keychain may not be up yet: try once more after a few seconds before telling the user.
        if (retryOnce && (r.status == SecretStore::Status::NoBackend || r.status == SecretStore::Status::Failed)) {
            QTimer::singleShot(m_retryDelayMs, ctx, [this, c, ctx, done] {
                if (ctx)
                    read(c, false, ctx, done);
            });
            return;
        }
        done({}, c.sessionOnlyKey
                     ? tr("The key was kept for the previous session only. Edit the connection to enter it again.")
                     : r.message);
    });
}

void ConnectionKeys::write(const Connection &c, const Connection *previous, const QByteArray &key, QObject *context,
                           std::function<void(const QString &)> done)
{
    SecretStore *target = storeFor(c.sessionOnlyKey);
    const bool moved = previous && previous->sessionOnlyKey != c.sessionOnlyKey && previous->hasKey;
    const bool fromSession = previous && previous->sessionOnlyKey;
    auto after = [this, c, moved, fromSession, done](const SecretStore::Result &r) {
        if (r.status != SecretStore::Status::Ok)
            return done(r.message);
        // A key moved between keychain and memory must not stay behind in the other place.
        if (moved)
            storeFor(fromSession)->remove(c.id, this, [](const SecretStore::Result &) {});
        done(QString());
    };
    if (key.isEmpty())
        target->remove(c.id, context, after);
    else
        target->write(c.id, key, context, after);
}

void ConnectionKeys::remove(const Connection &c, QObject *context, std::function<void(const QString &)> done)
{
    storeFor(c.sessionOnlyKey)->remove(c.id, context, [done](const SecretStore::Result &r) {
        done(r.status == SecretStore::Status::Ok ? QString() : r.message);
    });
}
