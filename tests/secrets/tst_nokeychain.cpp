// No usable keychain: plain words with what to install or unlock, a session-only choice, never plain text.
// CTest runs this with a session bus address that leads nowhere.

#include "ConnectionDialog.h"
#include "HistoryStore.h"
#include "ImportService.h"
#include "SecretStore.h"
#include "support/SimFixture.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <qt6keychain/keychain.h>

class TestNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keychainAnswersAreExplained_data();
    void keychainAnswersAreExplained();

    void theRealStoreSaysThereIsNoKeychain();

    void theDialogOffersASessionOnlyKeyAndItWorks();

    void aKeychainThatIsNotUpIsRetriedOnceThenReported();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestNoKeychain::keychainAnswersAreExplained_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("advice");
    // What QtKeychain 0.13 with libsecret answers (../shared/docs/ci-notes.md).
    QTest::newRow("no bus, no display") << int(QKeychain::OtherError) << "Cannot autolaunch D-Bus without X11 $DISPLAY" << int(SecretStore::Status::NoBackend) << "gnome-keyring";
    QTest::newRow("no gnome-keyring") << int(QKeychain::OtherError) << "org.freedesktop.secrets was not provided by any .service files" << int(SecretStore::Status::NoBackend) << "gnome-keyring";
    QTest::newRow("daemon not unlocked") << int(QKeychain::OtherError) << "Object does not exist at path “/org/freedesktop/secrets/collection/login”" << int(SecretStore::Status::NoBackend) << "unlocked";
    QTest::newRow("locked collection") << int(QKeychain::AccessDenied) << "Cannot create an item in a locked collection" << int(SecretStore::Status::Locked) << "Unlock";
    QTest::newRow("libsecret missing") << int(QKeychain::OtherError) << "Unknown error" << int(SecretStore::Status::NoBackend) << "libsecret-1-0";
    QTest::newRow("NoBackendAvailable") << int(QKeychain::NoBackendAvailable) << "" << int(SecretStore::Status::NoBackend) << "Secret Service";
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << "Entry not found" << int(SecretStore::Status::NotFound) << "enter it again";
    QTest::newRow("user said no") << int(QKeychain::AccessDeniedByUser) << "" << int(SecretStore::Status::Denied) << "Allow Bulkwatch";
}

void TestNoKeychain::keychainAnswersAreExplained()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(int, status);
    QFETCH(QString, advice);
    const SecretStore::Result r = KeychainSecretStore::explain(error, text);
    QCOMPARE(int(r.status), status);
    QVERIFY2(r.message.contains(advice), qPrintable(r.message));
}

void TestNoKeychain::theRealStoreSaysThereIsNoKeychain()
{
    KeychainSecretStore store(QStringLiteral(BULKWATCH_APP_ID));
    SecretStore::Result result;
    bool done = false;
    store.write(QStringLiteral("x"), "never-stored-secret", &store, [&](const SecretStore::Result &r) { result = r; done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    QCOMPARE(result.status, SecretStore::Status::NoBackend);
    QVERIFY2(result.message.contains(QLatin1String("No usable keychain")), qPrintable(result.message));
    QVERIFY(!result.message.contains(QLatin1String("never-stored-secret")));
}

void TestNoKeychain::theDialogOffersASessionOnlyKeyAndItWorks()
{
    SimScenario s;
    SimJob j = timelineJob(QStringLiteral("453240863839750922"));
    j.createdAt = -1000;
    s.jobs = {j};
    SimFixture sim(s);
    sim.server->setApiKey("session-only-key");
    QTemporaryDir dir;
    HistoryStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    KeychainSecretStore keychain(QStringLiteral(BULKWATCH_APP_ID));
    ImportService service(&store, &keychain);
    service.start();
    ConnectionDialog dialog(&service, nullptr);
    dialog.urlEdit()->setText(sim.server->baseUrl().toString());
    dialog.nameEdit()->setText(QStringLiteral("No keychain"));
    dialog.keyEdit()->setText(QStringLiteral("session-only-key"));
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QLatin1String("No usable keychain")), 15000);
    QVERIFY(dialog.statusText().contains(QLatin1String("this session only")));
    QCOMPARE(dialog.result(), 0);            // still open: nothing was saved behind the user's back
    QVERIFY(service.connections().isEmpty());
    dialog.sessionOnlyBox()->setChecked(true);
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
    QCOMPARE(service.connections().size(), 1);
    const QString id = service.connections().first().id;
    QVERIFY(service.connections().first().sessionOnlyKey);
    QTRY_COMPARE_WITH_TIMEOUT(service.health(id).state, ConnectionHealth::State::Ok, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 1, 10000);
    QCOMPARE(store.connections().first().sessionOnlyKey, true);

    // After a restart the session key is gone, and the window says so plainly.
    ImportService again(&store, &keychain);
    again.start();
    QTRY_COMPARE_WITH_TIMEOUT(again.health(id).state, ConnectionHealth::State::NoKey, 5000);
    QVERIFY(again.health(id).keyProblem.contains(QLatin1String("previous session only")));
}

void TestNoKeychain::aKeychainThatIsNotUpIsRetriedOnceThenReported()
{
    QTemporaryDir dir;
    HistoryStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    Connection c;
    c.id = QStringLiteral("k");
    c.name = QStringLiteral("Keyed");
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    c.hasKey = true;
    store.saveConnection(c);
    KeychainSecretStore keychain(QStringLiteral(BULKWATCH_APP_ID));
    ImportService service(&store, &keychain);
    QElapsedTimer t;
    t.start();
    service.start();
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("k")).state, ConnectionHealth::State::NoKey, 15000);
    // The 3 s retry is a coarse timer, which Qt may fire up to 5 % early (Qt 6.8 does: 2.85 s).
    QVERIFY2(t.elapsed() >= 2850, "the keychain is retried once after a few seconds before the user is told");
    QVERIFY(service.health(QStringLiteral("k")).keyProblem.contains(QLatin1String("gnome-keyring")));
}

#endif

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
