// The polling service against bulkwatch-sim: discovery, budgets, backoff, Retry-After, expiry, history.

#include "HistoryStore.h"
#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
// The shared fast options, with two test-specific changes: a job the list keeps fresh is still described every
// second (the tests that follow a job to its end see its files move), and an answer's deadline is 3 s (a server
// that is gone fails fast).
ImportService::Options fast()
{
    ImportService::Options o = fastOptions();
    o.coveredByListIntervalMs = 1000;
    o.deadlineMs = 3000;
    return o;
}
} // namespace

class TestImportService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void discoversJobsAndFetchesTheirFiles();

    void followsAJobToTheEndThenStopsPollingIt();

    void backsOffOnErrorsKeepsTheLastGoodStateAndResumes();

    void honoursRetryAfter();

    void twoHundredJobsStayUnderTheServersRateLimit_data();
    void twoHundredJobsStayUnderTheServersRateLimit();

    void aForgottenJobKeepsItsLastStateAsExpired();

    void aPastedIdTheServerDoesNotKnowIsExplained();

    void lateAnswersAfterAnEditAreIgnored();

    void aRestartKeepsEveryJob();

    void aRefusedKeyIsReported();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestImportService::discoversJobsAndFetchesTheirFiles()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750924"))) && service.job(jobKey(QStringLiteral("453240863839750924")))->hasDetails, 5000);
    const JobRecord *failed = service.job(jobKey(QStringLiteral("453240863839750924")));
    QCOMPARE(failed->job.state, JobState::Failed);
    QCOMPARE(failed->job.reason, QStringLiteral("JSON parse: unexpected EOF"));
    QCOMPARE(failed->job.files.size(), 2);
    QCOMPARE(failed->job.files[1].reason, QStringLiteral("JSON parse: unexpected EOF"));
    QCOMPARE(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok);
}

void TestImportService::followsAJobToTheEndThenStopsPollingIt()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(40); // the running job ends within ~1.5 s
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    QSignalSpy transitions(&service, &ImportService::jobTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923"))) && service.job(jobKey(QStringLiteral("453240863839750923")))->job.state == JobState::Completed, 10000);
    // Finished jobs found by the list are described once, for their files; then nothing more.
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (const JobRecord &r : service.jobs())
            if (!r.hasDetails)
                return false;
        return true;
    }(), 10000);
    QTest::qWait(300);
    const int describesAfterEnd = sim.server->requestCount(QStringLiteral("/describe"));
    QTest::qWait(1000);
    QCOMPARE(sim.server->requestCount(QStringLiteral("/describe")), describesAfterEnd); // terminal jobs: no more describes
    int toCompleted = 0;
    for (const auto &args : transitions)
        if (args[0].value<JobRecord>().job.jobId == QLatin1String("453240863839750923") && JobState(args[2].toInt()) == JobState::Completed)
            ++toCompleted;
    QCOMPARE(toCompleted, 1);
    const JobRecord *r = service.job(jobKey(QStringLiteral("453240863839750923")));
    QCOMPARE(r->job.progress, 100.0);
    QVERIFY(r->job.completeTime.isValid());
}

void TestImportService::backsOffOnErrorsKeepsTheLastGoodStateAndResumes()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923"))) && service.job(jobKey(QStringLiteral("453240863839750923")))->hasDetails, 5000);
    const JobProgress before = service.job(jobKey(QStringLiteral("453240863839750923")))->job;
    SimFaultRule f;
    f.kind = QStringLiteral("html5xx");
    f.status = 503;
    f.remaining = 3;
    sim.server->addFault(f);
    // What the status bar would have shown, in order.
    QVector<ConnectionHealth::State> shown;
    connect(&service, &ImportService::healthChanged, this, [&](const QString &id) {
        if (id == QLatin1String("sim"))
            shown << service.health(id).state;
    });
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Backoff, 5000);
    const ConnectionHealth h = service.health(QStringLiteral("sim"));
    QCOMPARE(h.lastError.httpStatus, 503);
    QVERIFY(h.retryAt > service.now());
    // The last good state is still there while the server misbehaves.
    QCOMPARE(service.job(jobKey(QStringLiteral("453240863839750923")))->job.files.size(), before.files.size());
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 15000);
    QCOMPARE(sim.server->statusCount(503), 3);
    // Backing off was said, and then that it recovered — by itself, with no user action.
    const int backoff = shown.indexOf(ConnectionHealth::State::Backoff);
    QVERIFY2(backoff >= 0, "the back-off was never shown");
    QCOMPARE(shown.last(), ConnectionHealth::State::Ok);
    QVERIFY(shown.lastIndexOf(ConnectionHealth::State::Ok) > backoff);
}

void TestImportService::honoursRetryAfter()
{
    SimFixture sim(basicScenario(), SimDialect::CloudV2, 2); // the server allows 2 requests/s per endpoint
    ImportService service(nullptr, nullptr);
    ImportService::Options o = fast();
    o.requestsPerSecond = 20; // deliberately more than the server allows
    service.setOptions(o);
    // Both clocks are the test's: the wall clock stands still (so retryAt says exactly how long the service
    // holds), and the scheduler's monotonic clock stops at the moment the 429 is taken in, so "quiet until
    // Retry-After" is checked however slowly this machine runs.
    const QDateTime wall(QDate(2026, 1, 1), QTime(12, 0), QTimeZone(0));
    service.setClock([wall] { return wall; });
    QElapsedTimer real;
    real.start();
    std::optional<qint64> frozen;
    service.setMonotonicClock([&] { return frozen ? *frozen : real.elapsed(); });
    connect(&service, &ImportService::healthChanged, this, [&] {
        if (!frozen && service.health(QStringLiteral("sim")).state == ConnectionHealth::State::Backoff)
            frozen = real.elapsed();
    });
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Backoff, 5000);
    const ConnectionHealth h = service.health(QStringLiteral("sim"));
    QCOMPARE(h.lastError.kind, ErrorKind::RateLimited);
    QCOMPARE(h.lastError.retryAfterMs, 1000);
    QVERIFY2(wall.msecsTo(h.retryAt) >= 1000, qPrintable(QString::number(wall.msecsTo(h.retryAt))));
    const int requests = sim.server->requestCount();
    QTest::qWait(1500); // real time passes; the scheduler's time does not reach the end of the hold
    QCOMPARE(sim.server->requestCount(), requests);
    frozen.reset(); // its time moves on past Retry-After: it asks again by itself
    QTRY_VERIFY_WITH_TIMEOUT(sim.server->requestCount() > requests, 10000);
}

void TestImportService::twoHundredJobsStayUnderTheServersRateLimit_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("perSecond"); // the default budget of the connection
    QTest::newRow("milvus") << int(SimDialect::Milvus) << 10;
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2) << 18;
}

void TestImportService::twoHundredJobsStayUnderTheServersRateLimit()
{
    QFETCH(int, dialect);
    QFETCH(int, perSecond);
    SimFixture sim(SimScenario::load(200, 2), SimDialect(dialect), 20);
    ImportService service(nullptr, nullptr);
    ImportService::Options o; // the defaults: 18 requests/s per cloud connection, 10 on Milvus
    o.saveDelayMs = 100;
    service.setOptions(o);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 200, 10000);
    // The budget is a sliding one-second window of perSecond: over any T seconds at most perSecond × (T + 1)
    // requests, however long the machine took to get here. T is measured, not assumed.
    const int before = sim.server->requestCount();
    QElapsedTimer window;
    window.start();
    QTest::qWait(4000);
    const int sent = sim.server->requestCount() - before;
    const double bound = perSecond * (window.elapsed() / 1000.0 + 1);
    QCOMPARE(sim.server->rateLimitedCount(), 0);
    QVERIFY2(sent > 0, "nothing was polled"); // a check that passes on silence would prove nothing
    QVERIFY2(sent <= bound, qPrintable(QStringLiteral("%1 requests in %2 ms (at most %3)").arg(sent).arg(window.elapsed()).arg(bound)));
    QCOMPARE(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok);
}

void TestImportService::aForgottenJobKeepsItsLastStateAsExpired()
{
    SimScenario s = basicScenario();
    s.retentionSeconds = 30;
    SimFixture sim(s);
    sim.server->engine().setSpeed(0);
    QTemporaryDir dir;
    HistoryStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite")), &error));
    ImportService service(&store, nullptr);
    service.setOptions(fast());
    QSignalSpy transitions(&service, &ImportService::jobTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    sim.server->engine().advance(30); // running job: importing rows
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923"))) && service.job(jobKey(QStringLiteral("453240863839750923")))->hasDetails, 5000);
    sim.server->engine().advance(25); // completed at 50 s
    QTRY_COMPARE_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923")))->job.state, JobState::Completed, 5000);
    sim.server->engine().advance(60); // past the retention
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923")))->expired, 5000);
    const JobRecord *r = service.job(jobKey(QStringLiteral("453240863839750923")));
    QCOMPARE(r->displayState(), JobState::Expired);
    QCOMPARE(r->job.state, JobState::Completed); // the last known state stays
    QCOMPARE(r->job.files.size(), 2);
    // Each step was one transition, announced once: running → completed → expired.
    QStringList steps;
    for (const auto &args : transitions)
        if (args[0].value<JobRecord>().job.jobId == QLatin1String("453240863839750923"))
            steps << jobStateName(JobState(args[2].toInt()));
    QCOMPARE(steps.count(QStringLiteral("completed")), 1);
    QCOMPARE(steps.count(QStringLiteral("expired")), 1);
    QCOMPARE(steps.last(), QStringLiteral("expired"));
    QTRY_VERIFY_WITH_TIMEOUT(!store.jobs().isEmpty() && [&] {
        for (const JobRecord &saved : store.jobs())
            if (saved.job.jobId == QLatin1String("453240863839750923"))
                return saved.expired;
        return false;
    }(), 3000);
}

void TestImportService::aPastedIdTheServerDoesNotKnowIsExplained()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QVERIFY(!service.addJob(QStringLiteral("sim"), QStringLiteral("   ")).isEmpty());
    QVERIFY(service.addJob(QStringLiteral("sim"), QString(1 << 20, QLatin1Char('1'))).contains(QLatin1String("characters long")));
    QVERIFY(!service.addJob(QStringLiteral("nope"), QStringLiteral("1")).isEmpty());
    QCOMPARE(service.addJob(QStringLiteral("sim"), QStringLiteral(" \"448761313698322011\" ")), QString());
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("448761313698322011")))->lastError.kind == ErrorKind::NotFound, 5000);
    QVERIFY(service.job(jobKey(QStringLiteral("448761313698322011")))->lastError.message.contains(QLatin1String("wrong ID")));
    QVERIFY(!service.job(jobKey(QStringLiteral("448761313698322011")))->expired);
}

void TestImportService::lateAnswersAfterAnEditAreIgnored()
{
    SimScenario other;
    SimJob j = timelineJob(QStringLiteral("999"));
    other.jobs = {j};
    SimFixture slow(basicScenario());
    slow.server->setLatency(600);
    SimFixture fresh(other);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    Connection c = simConnection(slow);
    service.saveConnection(c, std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(slow.server->requestCount() > 0 && service.requestsInFlight() > 0, 5000); // under way
    c.baseUrl = fresh.server->baseUrl();
    service.saveConnection(c, std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("999"))), 5000);
    // The slow server's answers arrive after the edit (600 ms latency); wait until none is left under way.
    QTRY_COMPARE_WITH_TIMEOUT(service.requestsInFlight(), 0, 10000);
    QVERIFY(!service.job(jobKey(QStringLiteral("453240863839750922")))); // the old server's late answers were dropped
}

void TestImportService::aRestartKeepsEveryJob()
{
    SimFixture sim(basicScenario());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        HistoryStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        ImportService service(&store, nullptr);
        service.setOptions(fast());
        service.start();
        service.saveConnection(simConnection(sim), std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750924"))) && service.job(jobKey(QStringLiteral("453240863839750924")))->hasDetails, 5000);
    }
    sim.server.reset(); // the server is gone too
    HistoryStore store;
    QString error;
    QVERIFY(store.open(path, &error));
    ImportService service(&store, nullptr);
    service.setOptions(fast());
    service.start();
    QCOMPARE(service.connections().size(), 1);
    QCOMPARE(service.jobs().size(), 3);
    QCOMPARE(service.job(jobKey(QStringLiteral("453240863839750924")))->job.reason, QStringLiteral("JSON parse: unexpected EOF"));
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Offline, 5000);
    QCOMPARE(service.jobs().size(), 3); // offline: the last known state stays
}

void TestImportService::aRefusedKeyIsReported()
{
    SimFixture sim(basicScenario());
    sim.server->setApiKey("right");
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    QString problem = QStringLiteral("unset");
    service.saveConnection(simConnection(sim), QByteArray("wrong-key-value"), [&](const QString &p) { problem = p; });
    QTRY_COMPARE_WITH_TIMEOUT(problem, QString(), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::AuthFailed, 5000);
    QVERIFY(!service.health(QStringLiteral("sim")).lastError.summary().contains(QLatin1String("wrong-key-value")));
    service.saveConnection(simConnection(sim), QByteArray("right"));
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 5000);
}

#endif

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_importservice.moc"
