// The real OS keychain (Secret Service via QtKeychain), in the private keyring that scripts/test.sh starts.
// A key typed into a connection survives a restart through the keychain alone; secret-tool confirms what is stored.

#include "HistoryStore.h"
#include "ImportService.h"
#include "SecretStore.h"
#include "support/ProcessRun.h"
#include "support/SimFixture.h"
#include "support/Skip.h"
#include "support/Wait.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kService = QStringLiteral(BULKWATCH_APP_ID);

QString secretTool(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), args);
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(5000);
        return QStringLiteral("[secret-tool did not finish within 10 s]");
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

SecretStore::Result run(std::function<void(SecretStore::Callback)> op)
{
    SecretStore::Result result;
    bool done = false;
    op([&](const SecretStore::Result &r) {
        result = r;
        done = true;
    });
    if (!waitUntil([&] { return done; }, 15000))
        result.status = SecretStore::Status::Failed;
    return result;
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void writesReadsReplacesAndDeletes();

    void aConnectionKeySurvivesARestartThroughTheKeychainAlone();

    void theCommandLineUsesASavedConnection();
    void aStoreGoneMidRequestDoesNotCrashWhenTheKeychainAnswers();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestKeychain::initTestCase()
{
    // CI always runs this through scripts/test.sh, which starts the keyring: missing there is a failure
    // (any non-empty CI), and elsewhere a skip that CTest shows as one.
    if (qEnvironmentVariableIsEmpty("BULKWATCH_TEST_KEYRING"))
        BULKWATCH_SKIP("needs the throw-away keyring that scripts/test.sh starts (dbus-run-session + gnome-keyring)");
}

void TestKeychain::writesReadsReplacesAndDeletes()
{
    KeychainSecretStore store(kService);
    const QString key = QStringLiteral("test-connection-1");
    QCOMPARE(run([&](auto cb) { store.write(key, "first-secret-value", &store, cb); }).status, SecretStore::Status::Ok);
    SecretStore::Result r = run([&](auto cb) { store.read(key, &store, cb); });
    QCOMPARE(r.status, SecretStore::Status::Ok);
    QCOMPARE(r.secret, QByteArray("first-secret-value"));
    QCOMPARE(secretTool({QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key}), QStringLiteral("first-secret-value"));

    QCOMPARE(run([&](auto cb) { store.write(key, "second-secret-value", &store, cb); }).status, SecretStore::Status::Ok);
    QCOMPARE(run([&](auto cb) { store.read(key, &store, cb); }).secret, QByteArray("second-secret-value"));
    QCOMPARE(secretTool({QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key}), QStringLiteral("second-secret-value"));

    QCOMPARE(run([&](auto cb) { store.remove(key, &store, cb); }).status, SecretStore::Status::Ok);
    QCOMPARE(run([&](auto cb) { store.read(key, &store, cb); }).status, SecretStore::Status::NotFound);
    QCOMPARE(secretTool({QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key}), QString());
}

void TestKeychain::aConnectionKeySurvivesARestartThroughTheKeychainAlone()
{
    SimFixture sim(oneJobScenario());
    sim.server->setApiKey("restart-survivor-key");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    QString connectionId;
    {
        HistoryStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        KeychainSecretStore keychain(kService);
        ImportService service(&store, &keychain);
        service.start();
        Connection c = connectionTo(sim.server->baseUrl(), QString(), QStringLiteral("Restart"));
        QString problem = QStringLiteral("pending");
        service.saveConnection(c, QByteArray("restart-survivor-key"), [&](const QString &p) { problem = p; });
        QTRY_COMPARE_WITH_TIMEOUT(problem, QString(), 15000);
        connectionId = service.connections().first().id;
        QTRY_COMPARE_WITH_TIMEOUT(service.health(connectionId).state, ConnectionHealth::State::Ok, 10000);
    }
    QCOMPARE(secretTool({QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), connectionId}),
             QStringLiteral("restart-survivor-key"));
    {
        HistoryStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        KeychainSecretStore keychain(kService);
        ImportService service(&store, &keychain);
        service.start();
        // The history has no key; the keychain gives it back and the server accepts it.
        QTRY_COMPARE_WITH_TIMEOUT(service.health(connectionId).state, ConnectionHealth::State::Ok, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 1, 10000);
        QVERIFY(sim.server->requestsWithAuthorization() > 0);
        // Editing replaces the key; deleting the connection deletes it.
        Connection c = service.connections().first();
        bool saved = false;
        service.saveConnection(c, QByteArray("replaced-key"), [&](const QString &) { saved = true; });
        QTRY_VERIFY_WITH_TIMEOUT(saved, 15000);
        QCOMPARE(secretTool({QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), connectionId}), QStringLiteral("replaced-key"));
        service.removeConnection(connectionId);
        QTRY_COMPARE_WITH_TIMEOUT(secretTool({QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), connectionId}), QString(), 15000);
    }
}

void TestKeychain::theCommandLineUsesASavedConnection()
{
    SimFixture sim(oneJobScenario());
    sim.server->setApiKey("cli-keychain-key");
    QTemporaryDir data;
    // The CLI finds the history under XDG_DATA_HOME/bulkwatch/bulkwatch, like the window.
    const QString historyPath = data.filePath(QStringLiteral("bulkwatch/bulkwatch/history.sqlite"));
    Connection c = connectionTo(sim.server->baseUrl(), Connection::newId(), QStringLiteral("Prod Milvus"));
    c.hasKey = true;
    {
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(historyPath, &error), qPrintable(error));
        QVERIFY(store.saveConnection(c));
    }
    KeychainSecretStore keychain(kService);
    QCOMPARE(run([&](auto cb) { keychain.write(c.id, "cli-keychain-key", &keychain, cb); }).status, SecretStore::Status::Ok);

    const auto cli = [&](const QStringList &args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
        env.remove(QStringLiteral("BULKWATCH_API_KEY"));
        const ProcessResult r = runProcess(QStringLiteral(BULKWATCH_BINARY), args, env);
        return qMakePair(r.exitCode, r.failure().isEmpty() ? r.output : r.failure());
    };
    auto r = cli({QStringLiteral("status"), QStringLiteral("--connection"), QStringLiteral("Prod Milvus"),
                  QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--json")});
    QVERIFY2(r.first == 0, qPrintable(r.second));
    QVERIFY(r.second.contains(QLatin1String("\"state\":\"completed\"")));
    r = cli({QStringLiteral("connections")});
    QCOMPARE(r.first, 0);
    QVERIFY(r.second.contains(QLatin1String("Prod Milvus")));
    QVERIFY(r.second.contains(QLatin1String("key: keychain")));
    QVERIFY(!r.second.contains(QLatin1String("cli-keychain-key")));
    r = cli({QStringLiteral("status"), QStringLiteral("--connection"), QStringLiteral("nope"), QStringLiteral("--job"), QStringLiteral("1")});
    QCOMPARE(r.first, 2);
    QVERIFY(r.second.contains(QLatin1String("no saved connection named 'nope'")));
    run([&](auto cb) { keychain.remove(c.id, &keychain, cb); });
}

void TestKeychain::aStoreGoneMidRequestDoesNotCrashWhenTheKeychainAnswers()
{
    // A service (and its store) may go away while the keychain is still answering: the answer must be dropped,
    // not delivered to freed memory. Many at once, so that some answers surely arrive after the stores are gone.
    QObject asker;
    int answered = 0;
    for (int i = 0; i < 20; ++i) {
        auto *store = new KeychainSecretStore(kService);
        store->write(QStringLiteral("gone-%1").arg(i), "short-lived", &asker, [&](const SecretStore::Result &) { ++answered; });
        store->read(QStringLiteral("gone-%1").arg(i), &asker, [&](const SecretStore::Result &) { ++answered; });
        delete store;
    }
    // The asker still lives: every answer comes, from jobs that outlived their store.
    QVERIFY2(waitUntil([&] { return answered == 40; }, 15000), qPrintable(QString::number(answered)));
    KeychainSecretStore cleanup(kService);
    for (int i = 0; i < 20; ++i)
        run([&](auto cb) { cleanup.remove(QStringLiteral("gone-%1").arg(i), &cleanup, cb); });
}

#endif

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
