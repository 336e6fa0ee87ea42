// Saved connections for the command line: looked up by name in the history, keys read from the keychain.

#include "SavedConnections.h"

#include "CommandLine.h"
#include "HistoryStore.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QTimer>
#include <memory>
#include <utility>

void useSavedConnections(CommandLine &cli)
{
    cli.setConnectionResolver([](const QString &name, QObject *context, CommandLine::ConnectionResolved done) {
        HistoryStore store;
        QString error;
        if (!store.open(HistoryStore::defaultPath(), &error))
            return done(false, {}, error);
        for (const Connection &c : store.connections()) {
            if (c.name.compare(name, Qt::CaseInsensitive) != 0 && c.id != name)
                continue;
            const Endpoint ep = c.endpoint({});
            if (!c.hasKey)
                return done(true, ep, {});
            if (c.sessionOnlyKey)
                return done(false, {}, QCoreApplication::translate("main", "the key of '%1' was kept for a window session only; "
                                                                           "set BULKWATCH_API_KEY or use --api-key-stdin").arg(c.name));
            // The keychain answers through D-Bus, perhaps only after the user unlocked it: wait for it in the
            // command's own event loop (no nested loop), at most 15 s. The store owns the read, so it lives until
            // the answer or the time limit, whichever comes first; the other one then finds nothing to do.
            auto *keychain = new KeychainSecretStore(QStringLiteral(BULKWATCH_APP_ID), context);
            auto answered = std::make_shared<bool>(false);
            const QString connectionName = c.name;
            keychain->read(c.id, keychain, [=](const SecretStore::Result &r) {
                if (std::exchange(*answered, true))
                    return;
                keychain->deleteLater();
                if (r.status != SecretStore::Status::Ok)
                    return done(false, {}, QCoreApplication::translate("main", "cannot read the key of '%1' from the keychain: %2").arg(connectionName, r.message));
                Endpoint withKey = ep;
                withKey.token = r.secret;
                done(true, withKey, {});
            });
            QTimer::singleShot(15000, keychain, [=] {
                if (std::exchange(*answered, true))
                    return;
                keychain->deleteLater();
                done(false, {}, QCoreApplication::translate("main", "cannot read the key of '%1' from the keychain: %2")
                                    .arg(connectionName, QCoreApplication::translate("main", "it did not answer within 15 seconds")));
            });
            return;
        }
        done(false, {}, QCoreApplication::translate("main", "no saved connection named '%1' (see 'bulkwatch connections')").arg(name));
    });
    cli.setConnectionLister([]() -> QString {
        HistoryStore store;
        QString error;
        if (!store.open(HistoryStore::defaultPath(), &error))
            return error + QLatin1Char('\n');
        const auto conns = store.connections();
        if (conns.isEmpty())
            return QCoreApplication::translate("main", "No saved connections. Add one in the window.\n");
        QString out;
        for (const Connection &c : conns) {
            out += c.name + QStringLiteral("\t") + c.baseUrl.toDisplayString() + QStringLiteral("\t") + c.describe() + QStringLiteral("\t")
                + (!c.hasKey ? QStringLiteral("no key") : c.sessionOnlyKey ? QStringLiteral("key: this session only") : QStringLiteral("key: keychain"))
                + QLatin1Char('\n');
        }
        return out;
    });
}
