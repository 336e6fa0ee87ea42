// A whole session with a known key — window (offscreen) and command line — then every place a key could leak
// is searched: settings, the history database (and its WAL), all log output, the clipboard, the support report,
// exports, CLI output. The key must be found nowhere (and must have reached the server, or the test proves nothing).

#include "ConnectionDialog.h"
#include "HistoryStore.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "support/ProcessRun.h"
#include "support/SimFixture.h"
#include "support/Skip.h"

#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray kCanary = "leak-canary-7f3a9c-5e1d";
QStringList *g_log = nullptr;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (g_log)
        g_log->append(msg);
    if (g_previous)
        g_previous(type, ctx, msg);
}
} // namespace

class TestKeyLeak : public QObject
{
    Q_OBJECT
    QTemporaryDir home;
    QStringList log;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void theKeyIsFoundNowhereAfterASession();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestKeyLeak::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    if (qEnvironmentVariableIsEmpty("BULKWATCH_TEST_KEYRING"))
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch"));
    g_log = &log;
    g_previous = qInstallMessageHandler(capture);
}

void TestKeyLeak::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
    g_log = nullptr;
}

void TestKeyLeak::theKeyIsFoundNowhereAfterASession()
{
    SimFixture sim(oneJobScenario(true));
    sim.server->setApiKey(kCanary);
    const bool realKeychain = !qEnvironmentVariableIsEmpty("BULKWATCH_TEST_KEYRING");
    std::unique_ptr<SecretStore> keychain;
    if (realKeychain)
        keychain = std::make_unique<KeychainSecretStore>(QStringLiteral(BULKWATCH_APP_ID));
    else
        keychain = std::make_unique<MemorySecretStore>();
    const QString historyPath = home.filePath(QStringLiteral("history/history.sqlite"));
    QString report, clipboardError;
    QStringList places;
    const auto check = [&](const QString &where, const QByteArray &bytes) {
        if (bytes.contains(kCanary))
            places << where;
    };
    // Every file under the test's home, the history's -wal and -shm included. Searched while the store is still
    // open too: closing checkpoints the WAL into the database and removes it, so a search after close never sees it.
    const auto searchFiles = [&](const QString &when) {
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QStringList names;
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly)) {
                check(f.fileName() + QLatin1Char(' ') + when, f.readAll());
                names << QFileInfo(f).fileName();
            }
        }
        return names;
    };
    {
        HistoryStore store;
        QString error;
        QVERIFY(store.open(historyPath, &error));
        ImportService service(&store, keychain.get());
        service.setRequestLogger([&](const QString &line) { log << line; });
        service.start();
        MainWindow window(&service);
        window.show();
        ConnectionDialog dialog(&service, nullptr, &window);
        dialog.urlEdit()->setText(sim.server->baseUrl().toString());
        dialog.nameEdit()->setText(QStringLiteral("Leak check"));
        QTest::keyClicks(dialog.keyEdit(), QString::fromLatin1(kCanary));
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QLatin1String("Connected")), 10000);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(service.connections().size(), 1, 15000);
        const QString key = JobRecord::keyOf(service.connections().first().id, QStringLiteral("453240863839750922"));
        QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->hasDetails, 10000);
        window.selectJob(key);
        window.copySupportReport();
        report = QApplication::clipboard()->text();
        QVERIFY(report.contains(QLatin1String("453240863839750922")));
        window.jobsView()->setFocus();
        window.copySelection();
        clipboardError = QApplication::clipboard()->text();
        QCOMPARE(clipboardError, QStringLiteral("JSON parse: unexpected EOF"));
        QString exportError;
        QDir().mkpath(home.filePath(QStringLiteral("out")));
        QVERIFY2(window.exportTo(home.filePath(QStringLiteral("out/jobs.csv")), &exportError), qPrintable(exportError));
        QVERIFY(window.exportTo(home.filePath(QStringLiteral("out/jobs.json")), &exportError));
        // A wrong key too, so that error paths run.
        sim.server->setApiKey("some-other-key");
        service.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(service.health(service.connections().first().id).state, ConnectionHealth::State::AuthFailed, 10000);
        service.flush();
        QSettings().sync();
        const QStringList open = searchFiles(QStringLiteral("(while the store was open)"));
        QVERIFY2(open.contains(QStringLiteral("history.sqlite-wal")), qPrintable(open.join(QStringLiteral(", "))));
        window.close();
    }
    QSettings().sync();
    QVERIFY2(sim.server->requestsWithAuthorization() > 0, "the key must have been used, or this test checks nothing");

    // The command line, with the key from the environment and from stdin.
    sim.server->setApiKey(kCanary);
    QStringList cliOutput;
    for (const bool viaStdin : {false, true}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!viaStdin)
            env.insert(QStringLiteral("BULKWATCH_API_KEY"), QString::fromLatin1(kCanary));
        QStringList args = {QStringLiteral("status"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(),
                            QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--verbose")};
        if (viaStdin)
            args << QStringLiteral("--api-key-stdin");
        QVERIFY(!args.join(QLatin1Char(' ')).contains(QString::fromLatin1(kCanary))); // never on a command line
        const ProcessResult r = runProcess(QStringLiteral(BULKWATCH_BINARY), args, env, kCanary + '\n');
        QVERIFY2(r.failure().isEmpty(), qPrintable(r.failure()));
        QCOMPARE(r.exitCode, 0);
        cliOutput << r.output;
    }

    // Search everywhere, again after the session ended.
    const QStringList files = searchFiles(QStringLiteral("(after the session)"));
    QVERIFY2(files.size() >= 4, "settings, history and exports must exist to be searched");
    check(QStringLiteral("log output"), log.join(QLatin1Char('\n')).toUtf8());
    check(QStringLiteral("support report"), report.toUtf8());
    check(QStringLiteral("clipboard"), QApplication::clipboard()->text().toUtf8());
    check(QStringLiteral("CLI output"), cliOutput.join(QLatin1Char('\n')).toUtf8());
    QVERIFY2(places.isEmpty(), qPrintable(QStringLiteral("the key leaked into: ") + places.join(QStringLiteral(", "))));
    QVERIFY(log.join(QLatin1Char('\n')).contains(QLatin1String("/v2/vectordb/jobs/import/"))); // logging did happen
    // Everything above passed, but with keys kept in memory the keychain path was not searched: say so.
    if (!realKeychain)
        BULKWATCH_SKIP("the session used an in-memory key store; the real keychain needs scripts/test.sh's keyring");
}

#endif

QTEST_MAIN(TestKeyLeak)
#include "tst_keyleak.moc"
