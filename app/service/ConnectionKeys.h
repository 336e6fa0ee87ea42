#pragma once
// A connection's key: read from the keychain (or the session's memory) with one retry at login, where the
// keychain may not be up yet; written, moved between keychain and memory, and deleted with the connection.

#include "Connection.h"

#include <QObject>
#include <functional>

class SecretStore;
class MemorySecretStore;

class ConnectionKeys : public QObject
{
    Q_OBJECT
public:
    // keychain may be null: then keys live in memory only.
    explicit ConnectionKeys(SecretStore *keychain, QObject *parent = nullptr);

    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }
    SecretStore *storeFor(bool sessionOnly) const;
    SecretStore *keychain() const { return m_keychain; }

    // done(token, problem): problem is "" on success, else plain words; runs only while context lives.
    using ReadDone = std::function<void(const QByteArray &token, const QString &problem)>;
    void read(const Connection &c, bool retryOnce, QObject *context, ReadDone done);
    // Stores `key` (empty = none) where `c` wants it and removes it from where `previous` had it.
    void write(const Connection &c, const Connection *previous, const QByteArray &key, QObject *context,
               std::function<void(const QString &problem)> done);
    void remove(const Connection &c, QObject *context, std::function<void(const QString &problem)> done);

private:
    SecretStore *m_keychain;
    MemorySecretStore *m_session;
    int m_retryDelayMs = 3000;
};
