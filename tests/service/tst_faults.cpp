// Every fault bulkwatch-sim can play: the app keeps running, keeps every job's last good state, says what is
// wrong in the status bar and in the job's error view, backs off, and resumes by itself when the fault ends.

#include "ImportService.h"
#include "JobsModel.h"
#include "MainWindow.h"
#include "support/ReservedPort.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {
ImportService::Options fast()
{
    ImportService::Options o = fastOptions();
    o.deadlineMs = 1500; // the drip and the hang end on this deadline
    return o;
}
QString key(const char *id)
{
    return jobKey(QLatin1String(id));
}
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theAppRidesOutEveryFault_data();
    void theAppRidesOutEveryFault();

    void theServerGoneForAWhileAndBack();

    void theDefaultCapRefusesA65MiBAnswer();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestFaults::theAppRidesOutEveryFault_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("healthWords");
    QTest::newRow("never answers") << "hang" << int(SimDialect::Milvus) << "offline";
    QTest::newRow("drips a byte a second") << "drip" << int(SimDialect::Milvus) << "offline";
    QTest::newRow("reset mid-body") << "reset" << int(SimDialect::Milvus) << "offline";
    QTest::newRow("truncated JSON") << "truncate" << int(SimDialect::Milvus) << "server trouble";
    QTest::newRow("garbage") << "garbage" << int(SimDialect::Milvus) << "server trouble";
    QTest::newRow("5xx with HTML") << "html5xx" << int(SimDialect::Milvus) << "server trouble";
    QTest::newRow("429 with Retry-After") << "ratelimit" << int(SimDialect::CloudV2) << "rate limited";
    QTest::newRow("300 MB body") << "huge" << int(SimDialect::Milvus) << "server trouble";
    QTest::newRow("redirect to another host") << "redirect" << int(SimDialect::Milvus) << "offline";
}

void TestFaults::theAppRidesOutEveryFault()
{
    QFETCH(QString, kind);
    QFETCH(int, dialect);
    QFETCH(QString, healthWords);
    SimFixture sim(basicScenario(), SimDialect(dialect));
    SimFixture elsewhere(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30); // …923 is importing rows
    ImportService service(nullptr, nullptr);
    ImportService::Options options = fast();
    options.maxBodyBytes = 4 * 1024 * 1024;
    service.setOptions(options);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Faulty")), std::nullopt);
    MainWindow window(&service);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key("453240863839750923")) && service.job(key("453240863839750923"))->hasDetails, 8000);
    window.selectJob(key("453240863839750923"));
    const JobProgress good = service.job(key("453240863839750923"))->job;
    QVERIFY(good.progress > 40);

    if (kind == QLatin1String("ratelimit")) {
        sim.server->setRateLimit(1);
    } else {
        SimFaultRule f;
        f.kind = kind;
        f.status = 502;
        f.dripMs = 1000;
        f.redirectTo = elsewhere.server->baseUrl().toString() + QStringLiteral("/v2/vectordb/jobs/import/describe");
        f.hugeBytes = 300LL * 1024 * 1024;
        sim.server->addFault(f);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(window.healthText().contains(healthWords), qPrintable(window.healthText()), 15000);
    QVERIFY2(window.healthText().contains(QLatin1String("retrying in")), qPrintable(window.healthText()));
    // Nothing lost: the last good state stays on screen, the job's error view says what happened.
    const JobRecord *r = service.job(key("453240863839750923"));
    QCOMPARE(r->job.files.size(), good.files.size());
    QCOMPARE(r->job.progress, good.progress);
    QCOMPARE(r->job.state, JobState::Running);
    // The job's own error view says what its last poll met (a rate limit may have hit only the list: then the
    // job's last poll went through and there is nothing to say about it).
    if (kind != QLatin1String("ratelimit") || r->lastError.isError())
        QTRY_VERIFY2_WITH_TIMEOUT(window.errorText().contains(QLatin1String("Last poll")), qPrintable(window.errorText()), 5000);
    QCOMPARE(elsewhere.server->requestsWithAuthorization(), 0);
    QCOMPARE(elsewhere.server->requestCount(), 0);

    // The fault ends: polling resumes by itself.
    sim.server->clearFaults();
    sim.server->setRateLimit(0);
    sim.server->engine().advance(10);
    QTRY_VERIFY_WITH_TIMEOUT(window.healthText().contains(QLatin1String("last answer")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key("453240863839750923"))->job.progress > good.progress, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!service.job(key("453240863839750923"))->lastError.isError(), 10000);
}

void TestFaults::theServerGoneForAWhileAndBack()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Flaky")), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    const quint16 port = sim.server->port();
    QCOMPARE(sim.server->servers().size(), 1);
    QTcpServer *listener = sim.server->servers().first();
    listener->close(); // the server is gone (a minute in real life; a few seconds here) ...
    for (QTcpSocket *open : sim.server->findChildren<QTcpSocket *>())
        open->abort(); // ... and so are its kept-alive connections
    // The port stays ours, bound but not listening: connections are refused, and no other test can take it.
    ReservedPort held(port);
    QVERIFY2(held.isValid(), "the simulator's port could not be held");
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Offline, 10000);
    const int answeredBefore = sim.server->requestCount();
    QTest::qWait(3000);
    QCOMPARE(service.jobs().size(), 3); // nothing forgotten while offline
    QCOMPARE(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Offline);
    QCOMPARE(sim.server->requestCount(), answeredBefore);
    QVERIFY(held.listenWith(listener)); // back, on the same port
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 10000);
    QVERIFY(sim.server->requestCount() > answeredBefore);
}

// The real default body cap (64 MiB, ImportService::Options untouched): a 65 MiB answer is refused by its
// Content-Length, before its body is read, and the job keeps its last good state.
void TestFaults::theDefaultCapRefusesA65MiBAnswer()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30);
    ImportService service(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    QCOMPARE(o.maxBodyBytes, ImportService::Options().maxBodyBytes);
    QCOMPARE(o.maxBodyBytes, 64LL * 1024 * 1024);
    service.setOptions(o);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key("453240863839750923")) && service.job(key("453240863839750923"))->hasDetails, 8000);
    service.setSelectedJob(key("453240863839750923"));
    const double progress = service.job(key("453240863839750923"))->job.progress;
    SimFaultRule f;
    f.kind = QStringLiteral("huge");
    f.hugeBytes = 65LL * 1024 * 1024;
    sim.server->addFault(f);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key("453240863839750923"))->lastError.isError(), 15000);
    const ApiError e = service.job(key("453240863839750923"))->lastError;
    QCOMPARE(e.kind, ErrorKind::Malformed);
    QVERIFY2(e.message.contains(QLatin1String("larger than 64 MiB")), qPrintable(e.message));
    QCOMPARE(service.job(key("453240863839750923"))->job.progress, progress);
    sim.server->clearFaults();
    QTRY_VERIFY_WITH_TIMEOUT(!service.job(key("453240863839750923"))->lastError.isError(), 15000);
}

#endif

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
