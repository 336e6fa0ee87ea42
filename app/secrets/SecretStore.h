#pragma once
// Where API keys live: the OS keychain, or memory for one session. Nothing else ever holds a key.

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <functional>

class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, NotFound, NoBackend, Locked, Denied, Failed };
    struct Result
    {
        Status status = Status::Ok;
        QString message; // plain words for the user, with what to install or unlock; never the secret
        QByteArray secret;
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    // cb runs only while `context` lives: a keychain may answer after the asker is gone.
    virtual void write(const QString &key, const QByteArray &secret, QObject *context, Callback cb) = 0;
    virtual void read(const QString &key, QObject *context, Callback cb) = 0;
    virtual void remove(const QString &key, QObject *context, Callback cb) = 0;
    virtual QString backendName() const = 0;
};

// Keys for this session only: what the user gets when there is no usable keychain and they choose so.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void write(const QString &key, const QByteArray &secret, QObject *context, Callback cb) override;
    void read(const QString &key, QObject *context, Callback cb) override;
    void remove(const QString &key, QObject *context, Callback cb) override;
    QString backendName() const override;
    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QByteArray> m_secrets;
};

// The OS keychain through QtKeychain (Secret Service / KWallet, macOS Keychain, Windows Credential Manager).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    void write(const QString &key, const QByteArray &secret, QObject *context, Callback cb) override;
    void read(const QString &key, QObject *context, Callback cb) override;
    void remove(const QString &key, QObject *context, Callback cb) override;
    QString backendName() const override;

    // Translates QtKeychain's answer into plain words (public for tests).
    static Result explain(int qtKeychainError, const QString &errorString);

private:
    QString m_service;
};
