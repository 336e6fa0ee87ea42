#include "SecretStore.h"

#include <QCoreApplication>
#include <QTimer>
#include <qt6keychain/keychain.h>

void MemorySecretStore::write(const QString &key, const QByteArray &secret, QObject *context, Callback cb)
{
    m_secrets.insert(key, secret);
    QTimer::singleShot(0, context, [cb] { cb({}); });
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback cb)
{
    Result r;
    if (m_secrets.contains(key)) {
        r.secret = m_secrets.value(key);
    } else {
        r.status = Status::NotFound;
        r.message = QCoreApplication::translate("SecretStore", "No key was kept for this session.");
    }
    QTimer::singleShot(0, context, [cb, r] { cb(r); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback cb)
{
    m_secrets.remove(key);
    QTimer::singleShot(0, context, [cb] { cb({}); });
}

QString MemorySecretStore::backendName() const
{
    return QCoreApplication::translate("SecretStore", "memory (this session only)");
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{
}

QString KeychainSecretStore::backendName() const
{
    return QCoreApplication::translate("SecretStore", "the system keychain");
}

SecretStore::Result KeychainSecretStore::explain(int error, const QString &errorString)
{
    Result r;
    switch (error) {
    case QKeychain::NoError:
        return r;
    case QKeychain::EntryNotFound:
        r.status = Status::NotFound;
        r.message = QCoreApplication::translate("SecretStore", "The keychain has no key for this connection. Edit the connection to enter it again.");
        return r;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        if (errorString.contains(QLatin1String("locked"), Qt::CaseInsensitive))
            break; // libsecret says "access denied" for a locked collection: that wants unlocking
        r.status = Status::Denied;
        r.message = QCoreApplication::translate("SecretStore", "The keychain refused access to the key. Allow Bulkwatch in the keychain's prompt or settings.");
        return r;
    case QKeychain::NoBackendAvailable:
        r.status = Status::NoBackend;
        break;
    default:
        r.status = Status::Failed;
        break;
    }
    // QtKeychain on Linux says OtherError for most of what is really "no usable keychain".
    const QString e = errorString.toLower();
    if (e.contains(QLatin1String("locked"))) {
        r.status = Status::Locked;
        r.message = QCoreApplication::translate("SecretStore", "The keychain is locked. Unlock it (e.g. log in to the desktop session, or open "
                       "“Passwords and Keys”) and try again.");
    } else if (r.status == Status::NoBackend || e.contains(QLatin1String("org.freedesktop.secrets"))
               || e.contains(QLatin1String("d-bus")) || e.contains(QLatin1String("dbus"))
               || e.contains(QLatin1String("does not exist")) || e.contains(QLatin1String("unknown error"))
               || e.contains(QLatin1String("no such"))) {
        r.status = Status::NoBackend;
        r.message = QCoreApplication::translate("SecretStore", "No usable keychain was found (a Secret Service such as GNOME Keyring or KWallet must be "
                       "running and unlocked; on Debian/Ubuntu: install gnome-keyring and libsecret-1-0).");
    } else {
        r.message = QCoreApplication::translate("SecretStore", "The keychain could not be used.");
    }
    // QtKeychain's own words help support; they never contain the secret.
    if (!errorString.isEmpty())
        r.message += QStringLiteral(" (") + errorString + QLatin1Char(')');
    return r;
}

namespace {
// A job must outlive its store: QtKeychain's libsecret backend hands the job's raw pointer to an asynchronous
// callback, so a job deleted with its store (a service, a dialog or a test going away mid-request) is used after
// it was freed when the keychain answers (seen as a rare crash in tst_keychain). Jobs belong to the application,
// delete themselves when finished, and answer only while the asker's context lives.
QObject *jobOwner()
{
    return QCoreApplication::instance();
}
} // namespace

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, QObject *context, Callback cb)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, jobOwner());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a silent plain-text file
    job->setKey(key);
    job->setTextData(QString::fromUtf8(secret)); // text, so secret-tool and other tools show it as typed
    connect(job, &QKeychain::Job::finished, context, [cb](QKeychain::Job *j) { cb(explain(j->error(), j->errorString())); });
    job->start();
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback cb)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, jobOwner());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context, [cb](QKeychain::Job *j) {
        Result r = explain(j->error(), j->errorString());
        if (r.status == Status::Ok)
            r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData().toUtf8();
        cb(r);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback cb)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, jobOwner());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context, [cb](QKeychain::Job *j) {
        Result r = explain(j->error(), j->errorString());
        if (r.status == Status::NotFound)
            r = {}; // already gone is what we wanted
        cb(r);
    });
    job->start();
}
