// Saved connections for the command line: looked up by name in the history, keys read from the keychain.

#include "SavedConnections.h"

#include "CommandLine.h"
#include "HistoryStore.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

void useSavedConnections(CommandLine &cli)
{
    cli.setConnectionResolver([](const QString &name, Endpoint *ep, QString *error) {
        HistoryStore store;
        if (!store.open(HistoryStore::defaultPath(), error))
            return false;
        for (const Connection &c : store.connections()) {
            if (c.name.compare(name, Qt::CaseInsensitive) != 0 && c.id != name)
                continue;
            *ep = c.endpoint({});
            if (!c.hasKey)
                return true;
            if (c.sessionOnlyKey) {
                *error = QCoreApplication::translate("main", "the key of '%1' was kept for a window session only; "
                                                             "set BULKWATCH_API_KEY or use --api-key-stdin").arg(c.name);
                return false;
            }
            KeychainSecretStore keychain(QStringLiteral(BULKWATCH_APP_ID));
            QEventLoop loop;
            SecretStore::Result result;
            keychain.read(c.id, &loop, [&](const SecretStore::Result &r) {
                result = r;
                loop.quit();
            });
            QTimer::singleShot(15000, &loop, &QEventLoop::quit);
            loop.exec();
            if (result.status != SecretStore::Status::Ok) {
                *error = QCoreApplication::translate("main", "cannot read the key of '%1' from the keychain: %2").arg(c.name, result.message);
                return false;
            }
            ep->token = result.secret;
            return true;
        }
        *error = QCoreApplication::translate("main", "no saved connection named '%1' (see 'bulkwatch connections')").arg(name);
        return false;
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
