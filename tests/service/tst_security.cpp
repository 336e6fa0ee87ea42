// TLS errors are errors; a custom CA can be trusted per connection; plain HTTP is marked and warned about;
// Zilliz Cloud is https only.

#include "CommandLine.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QSignalSpy>
#include <QTimer>
#include <QTest>

namespace {
const QString kCert = QStringLiteral(BULKWATCH_TESTS_DIR "/tls/localhost.crt");
const QString kKey = QStringLiteral(BULKWATCH_TESTS_DIR "/tls/localhost.key");

struct CliRun
{
    int code = -1;
    QString out, err;
};

CliRun runCli(const QStringList &args, const QByteArray &key = {})
{
    CliRun r;
    QTextStream out(&r.out), err(&r.err);
    CommandLine cli(QStringList{QStringLiteral("bulkwatch")} + args, out, err);
    cli.setEnvironmentKey(key);
    QSignalSpy done(&cli, &CommandLine::finished);
    cli.start();
    if (!waitUntil([&] { return !done.isEmpty(); }, 30000))
        r.err = QStringLiteral("[the command line did not finish within 30 s]\n");
    out.flush();
    err.flush();
    r.code = cli.exitCode();
    return r;
}

QUrl httpsUrl(const SimFixture &sim)
{
    QUrl u = sim.server->baseUrl();
    u.setScheme(QStringLiteral("https"));
    return u;
}
} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aSelfSignedCertificateIsAnErrorNeverIgnored();

    void aCustomCaMakesItTrusted();

    void theCommandLineTakesACaFile();

    void aConnectionTrustsItsOwnCa();

    void plainHttpIsMarkedAndWarnedAboutOnce();

    void zillizCloudIsHttpsOnly();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestSecurity::aSelfSignedCertificateIsAnErrorNeverIgnored()
{
    SimFixture sim(basicScenario(), SimDialect::Milvus, 0, kCert, kKey);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    Endpoint ep;
    ep.baseUrl = httpsUrl(sim);
    ep.token = "tls-key";
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"));
    QCOMPARE(r.error.kind, ErrorKind::Tls);
    QVERIFY(!r.error.retryable);
    QCOMPARE(sim.server->requestCount(), 0); // nothing, and so no key, was sent
}

void TestSecurity::aCustomCaMakesItTrusted()
{
    SimFixture sim(basicScenario(), SimDialect::Milvus, 0, kCert, kKey);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    Endpoint ep;
    ep.baseUrl = httpsUrl(sim);
    ep.caFile = kCert;
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
    QCOMPARE(r.job.state, JobState::Completed);
    Endpoint missing = ep;
    missing.caFile = QStringLiteral("/nonexistent/ca.pem");
    const ProgressResult bad = fetchProgressSync(client, missing, QStringLiteral("453240863839750922"));
    QCOMPARE(bad.error.kind, ErrorKind::Tls);
    QVERIFY(bad.error.message.contains(QLatin1String("/nonexistent/ca.pem")));
}

void TestSecurity::theCommandLineTakesACaFile()
{
    SimFixture sim(basicScenario(), SimDialect::Milvus, 0, kCert, kKey);
    const QStringList args = {QStringLiteral("status"), QStringLiteral("--endpoint"), httpsUrl(sim).toString(),
                              QStringLiteral("--job"), QStringLiteral("453240863839750922"), QStringLiteral("--json")};
    CliRun r = runCli(args);
    QCOMPARE(r.code, 5);
    QVERIFY(r.out.contains(QLatin1String("\"kind\":\"tls\"")));
    r = runCli(args + QStringList{QStringLiteral("--ca-file"), kCert});
    QCOMPARE(r.code, 0);
}

void TestSecurity::aConnectionTrustsItsOwnCa()
{
    SimFixture sim(basicScenario(), SimDialect::Milvus, 0, kCert, kKey);
    ImportService service(nullptr, nullptr);
    service.start();
    Connection c = connectionTo(httpsUrl(sim), QStringLiteral("tls"), QStringLiteral("TLS"));
    service.saveConnection(c, std::nullopt);
    MainWindow window(&service);
    QTRY_VERIFY_WITH_TIMEOUT(window.healthText().contains(QLatin1String("certificate")), 10000);
    QCOMPARE(service.jobs().size(), qsizetype(0));
    c.caFile = kCert;
    service.saveConnection(c, std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 10000);
    QVERIFY(window.healthText().contains(QLatin1String("last answer")));
}

void TestSecurity::plainHttpIsMarkedAndWarnedAboutOnce()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30); // …923 is importing
    // 0.0.0.0 reaches this machine but is no loopback name: it stands in for a server on a private network.
    const QString url = QStringLiteral("http://0.0.0.0:%1").arg(sim.server->port());
    // "Once" needs several requests: watch polls the running job until it ends, which it does after a few polls.
    QTimer finisher;
    QObject::connect(&finisher, &QTimer::timeout, &finisher, [&] {
        if (sim.server->requestCount() >= 4)
            sim.server->engine().advance(100);
    });
    finisher.start(20);
    const CliRun r = runCli({QStringLiteral("watch"), QStringLiteral("--endpoint"), url, QStringLiteral("--job"),
                             QStringLiteral("453240863839750923"), QStringLiteral("--interval"), QStringLiteral("0.05")},
                            "some-token");
    finisher.stop();
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(sim.server->requestCount() >= 4, qPrintable(QString::number(sim.server->requestCount())));
    QCOMPARE(r.err.count(QLatin1String("unencrypted")), 1);
    const CliRun local = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString()}, "some-token");
    QCOMPARE(local.code, 0);
    QCOMPARE(local.err.count(QLatin1String("unencrypted")), 0);

    ImportService service(nullptr, nullptr);
    service.start();
    service.saveConnection(connectionTo(QUrl(url), QStringLiteral("plain"), QStringLiteral("Plain")), std::nullopt);
    MainWindow window(&service);
    QTRY_VERIFY_WITH_TIMEOUT(window.healthText().contains(QLatin1String("unencrypted")), 5000);
}

void TestSecurity::zillizCloudIsHttpsOnly()
{
    Connection c;
    c.name = QStringLiteral("Cloud");
    c.kind = Connection::Kind::ZillizCloud;
    c.clusterId = QStringLiteral("in01-x");
    c.baseUrl = QUrl(QStringLiteral("http://api.cloud.zilliz.com"));
    QVERIFY(c.problem().contains(QLatin1String("https://")));
    c.baseUrl = QUrl(QStringLiteral("http://controller.api.gcp-us-west1.zillizcloud.com"));
    QVERIFY(c.problem().contains(QLatin1String("https://")));
    c.baseUrl = QUrl(QStringLiteral("https://api.cloud.zilliz.com"));
    QCOMPARE(c.problem(), QString());
    const CliRun r = runCli({QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("http://api.cloud.zilliz.com"), QStringLiteral("--cluster"), QStringLiteral("x")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("https:// only")));
}

#endif

QTEST_MAIN(TestSecurity)
#include "tst_security.moc"
