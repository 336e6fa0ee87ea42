// The cloud at its rate limit (issue 17), over real HTTP against bulkwatch-sim in process:
// - at the simulator's 20/s per endpoint, with far more cloud-v2 jobs due than the budget allows and slow answers,
//   the service spends more than the old 10/s, with more requests under way than the old 4, and is never refused;
// - a burst of 429s halves the connection's budget once, and it grows back by 1/s every 5 s up to its ceiling;
// - the jobs on screen are asked first (after the selected one), those off screen less often; Milvus keeps its
//   rate and its fixed number in flight.
//
// The first test runs on a clock the test owns (the simulator counts its limit in real time, so the service must
// too); it counts requests per second of that clock, never how long anything took. The others hold the clock.

#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <memory>

namespace {

// bulkwatch-sim that notes every API request: its path, the job it names, and the time on the test's clock.
class StampingSim : public SimServer
{
public:
    struct Seen
    {
        QString path;
        QString jobId;
        qint64 atMs = 0;
    };
    StampingSim(const SimScenario &s, SimDialect d, std::function<qint64()> clock)
        : SimServer(s, d), m_clock(std::move(clock))
    {
    }
    QVector<Seen> seen;

protected:
    void onRequest(const QHttpServerRequest &request) override
    {
        const QString path = request.url().path();
        if (path.startsWith(QLatin1String("/_sim/")))
            return;
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        seen.push_back({path, body.value(QLatin1String("jobId")).toVariant().toString(), m_clock()});
    }

private:
    std::function<qint64()> m_clock;
};

bool isDescribe(const QString &path)
{
    return path.endsWith(QLatin1String("/describe")) || path.endsWith(QLatin1String("/get_progress"))
        || path.endsWith(QLatin1String("/getProgress"));
}

int describes(const StampingSim &s)
{
    int n = 0;
    for (const auto &seen : s.seen)
        n += isDescribe(seen.path);
    return n;
}

// The most describes the simulator received in one second (of the test's clock) from fromMs on.
int busiestSecond(const StampingSim &s, qint64 fromMs)
{
    int most = 0;
    for (int i = 0; i < s.seen.size(); ++i) {
        if (!isDescribe(s.seen[i].path) || s.seen[i].atMs < fromMs)
            continue;
        int n = 0;
        for (int j = i; j < s.seen.size() && s.seen[j].atMs < s.seen[i].atMs + 1000; ++j)
            n += isDescribe(s.seen[j].path);
        most = std::max(most, n);
    }
    return most;
}

Connection cloudConnection(const SimServer &sim, SimDialect d)
{
    Connection c = connectionTo(sim.baseUrl());
    if (d != SimDialect::Milvus) {
        c.kind = Connection::Kind::ZillizCloud;
        c.clusterId = QStringLiteral("in01-sim");
    }
    return c;
}

// Intervals that every job is due again well within the test, a list once at the start and not again.
ImportService::Options busyOptions(int intervalMs)
{
    ImportService::Options o = fastOptions();
    o.requestsPerSecond = ImportService::Options().requestsPerSecond; // the app's default ceiling
    o.selectedIntervalMs = intervalMs;
    o.runningIntervalMs = intervalMs;
    o.pendingIntervalMs = intervalMs;
    o.finalizingIntervalMs = intervalMs;
    o.listIntervalMs = 100000000;
    o.pagedListIntervalMs = 100000000;
    o.coveredByListIntervalMs = 100000000;
    return o;
}

SimJob runningJob(const QString &id)
{
    SimJob j = timelineJob(id);
    j.createdAt = -15; // pending 10 s, pre-import 10 s: at 15 s it imports (frozen there: the clock is held)
    return j;
}

QString jobIdOf(int i)
{
    return QString::number(460000000000000000LL + i);
}

// The service on a held monotonic clock (and a wall clock that moves with it), against a stamping simulator with
// no rate limit of its own (it counts in real time; the held clock does not).
struct Held
{
    qint64 ms = 0;
    const QDateTime wallBase = QDateTime(QDate(2026, 1, 1), QTime(12, 0), QTimeZone(0));
    std::unique_ptr<StampingSim> sim;
    std::unique_ptr<ImportService> service;
    SimDialect dialect;

    Held(const SimScenario &s, SimDialect d, const ImportService::Options &o) : dialect(d)
    {
        sim = std::make_unique<StampingSim>(s, d, [this] { return ms; });
        sim->setRateLimit(0);
        sim->engine().setSpeed(0);
        if (sim->start(0) == 0)
            qFatal("tst_ratelimit: bulkwatch-sim did not start listening");
        service = std::make_unique<ImportService>(nullptr, nullptr);
        service->setOptions(o);
        service->setMonotonicClock([this] { return ms; });
        service->setClock([this] { return wallBase.addMSecs(ms); });
    }
    ~Held() { service.reset(); }

    void start()
    {
        service->start();
        service->saveConnection(cloudConnection(*sim, dialect), std::nullopt);
    }
    ConnectionHealth health() const { return service->health(QStringLiteral("sim")); }
    int at(qint64 t) const
    {
        int n = 0;
        for (const auto &s : sim->seen)
            n += s.atMs == t && isDescribe(s.path);
        return n;
    }
    QStringList jobsAt(qint64 t) const
    {
        QStringList l;
        for (const auto &s : sim->seen)
            if (s.atMs == t && isDescribe(s.path))
                l << s.jobId;
        l.sort();
        return l;
    }
    int describesOf(const QString &jobId) const
    {
        int n = 0;
        for (const auto &s : sim->seen)
            n += s.jobId == jobId && isDescribe(s.path);
        return n;
    }
    // Moves the held clock and waits until the scheduler has sent what it will at that instant and all is answered:
    // n describes in all, none under way, and (a bounded wait) no more coming.
    bool stepTo(qint64 t, int expectedDescribes)
    {
        ms = t;
        if (!waitUntil([&] { return describes(*sim) >= expectedDescribes && service->requestsInFlight() == 0; }))
            return false;
        QTest::qWait(100); // the clock stands: nothing more may come (asserted by the caller's exact count)
        return service->requestsInFlight() == 0;
    }
};

} // namespace

class TestRateLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void steadyStateSpendsTheBudgetWithoutRefusals_data();
    void steadyStateSpendsTheBudgetWithoutRefusals();
    void aBurstOf429sHalvesTheBudgetThenItRecovers();
    void offScreenJobsAreDescribedLessOften();
    void jobsOnScreenGoFirstAmongDueJobs();
    void milvusKeepsItsRateAndItsRequestsInFlight_data();
    void milvusKeepsItsRateAndItsRequestsInFlight();
};

// 60 cloud-v2 jobs each due every second (60/s wanted), the simulator at its 20/s, answers slow. The default
// budget: more than 10 describes in a second, more than 4 under way, no 429. The old settings (10/s, 4 under way)
// are a row of their own, so the measure itself is seen to tell them apart.
void TestRateLimit::steadyStateSpendsTheBudgetWithoutRefusals_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<bool>("oldSettings");
    QTest::addColumn<int>("minBusiest"); // the busiest second has at least this many describes
    QTest::addColumn<int>("maxBusiest"); // and at most this many
    QTest::newRow("answers in 250 ms") << 250 << false << 13 << 20;
    QTest::newRow("answers in 400 ms") << 400 << false << 13 << 20;
    QTest::newRow("the old 10/s and 4 under way, 400 ms") << 400 << true << 1 << 12;
}

void TestRateLimit::steadyStateSpendsTheBudgetWithoutRefusals()
{
    QFETCH(int, latencyMs);
    QFETCH(bool, oldSettings);
    QFETCH(int, minBusiest);
    QFETCH(int, maxBusiest);
    QElapsedTimer clock;
    clock.start();
    const auto now = [&clock] { return clock.elapsed(); };
    StampingSim sim(SimScenario::load(60, 1), SimDialect::CloudV2, now);
    sim.setRateLimit(20); // the documented limit per endpoint, counted by the simulator in real time
    sim.setLatency(latencyMs);
    QVERIFY(sim.start(0) != 0);
    ImportService::Options o = busyOptions(1000);
    if (oldSettings) {
        o.requestsPerSecond = 10;
        o.minInFlight = o.maxInFlight = 4;
    }
    auto service = std::make_unique<ImportService>(nullptr, nullptr);
    service->setOptions(o);
    service->setMonotonicClock(now);
    service->start();
    service->saveConnection(cloudConnection(sim, SimDialect::CloudV2), std::nullopt);
    // The first seconds fill the pipe and learn the latency; the steady state is what follows.
    QVERIFY(waitUntil([&] { return describes(sim) >= 40; }, 60000));
    const qint64 steadyFrom = now();
    const int before = describes(sim);
    int mostUnderWay = 0;
    QVERIFY2(waitUntil([&] {
                 mostUnderWay = std::max(mostUnderWay, service->requestsInFlight());
                 return describes(sim) >= before + 90;
             }, 60000),
             qPrintable(QStringLiteral("%1 describes").arg(describes(sim))));
    const ConnectionHealth health = service->health(QStringLiteral("sim"));
    const int busiest = busiestSecond(sim, steadyFrom);
    service.reset(); // its replies before the server
    qInfo("busiest second %d describes, at most %d under way, limit %d, %.1f/s, %d refused", busiest, mostUnderWay,
          health.inFlightLimit, health.requestsPerSecond, sim.rateLimitedCount());
    QCOMPARE(sim.rateLimitedCount(), 0);
    QCOMPARE(health.lastError.kind, ErrorKind::None);
    QVERIFY2(busiest >= minBusiest && busiest <= maxBusiest,
             qPrintable(QStringLiteral("the busiest second had %1 describes").arg(busiest)));
    if (!oldSettings) {
        QCOMPARE(health.requestsPerSecond, 18.0); // never cut
        QVERIFY2(health.inFlightLimit > 4 && health.inFlightLimit <= 16, qPrintable(QString::number(health.inFlightLimit)));
        QVERIFY2(mostUnderWay > 4, qPrintable(QString::number(mostUnderWay)));
    }
}

// Two describes refused with 429 at once (one burst): the budget halves once, 18 → 9, and the service sends 9 in
// the next second; then it grows by 1/s every 5 s on the held clock (10 after 5 s) and is back at 18 — and no
// higher — 45 s after the burst.
void TestRateLimit::aBurstOf429sHalvesTheBudgetThenItRecovers()
{
    SimScenario s;
    for (int i = 0; i < 20; ++i)
        s.jobs << runningJob(jobIdOf(i));
    ImportService::Options o = busyOptions(200);
    o.maxBackoffMs = 1000;
    Held h(s, SimDialect::CloudV2, o);
    h.start();
    // At 0: the list and 17 describes (18 in the second).
    QVERIFY(h.stepTo(0, 17));
    QCOMPARE(h.at(0), 17);
    QCOMPARE(h.health().requestsPerSecond, 18.0);

    SimFaultRule f;
    f.kind = QStringLiteral("status");
    f.status = 429;
    f.body = R"({"code":429,"message":"Too many requests, please try again later."})";
    f.path = QStringLiteral("/describe");
    f.remaining = 2;
    h.sim->addFault(f);
    // At 1 s: two go at once (nothing measured of the latency on a held clock: the fewest under way) and both are
    // refused. One burst: halved once.
    h.ms = 1000;
    QVERIFY(waitUntil([&] { return h.sim->statusCount(429) == 2 && h.service->requestsInFlight() == 0; }));
    QCOMPARE(h.at(1000), 2);
    QCOMPARE(h.health().requestsPerSecond, 9.0);
    QCOMPARE(h.health().lastError.kind, ErrorKind::RateLimited);

    // After the hold, at 3 s: every job is due, and 9 go.
    QVERIFY(h.stepTo(3000, 17 + 2 + 9));
    QCOMPARE(h.at(3000), 9);
    QCOMPARE(h.health().state, ConnectionHealth::State::Ok);
    QCOMPARE(h.health().requestsPerSecond, 9.0);
    // 5 s after the burst: 10.
    QVERIFY(h.stepTo(6000, 17 + 2 + 9 + 10));
    QCOMPARE(h.at(6000), 10);
    QCOMPARE(h.health().requestsPerSecond, 10.0);
    QCOMPARE(h.service->health(QStringLiteral("sim")).requestsPerSecond, 10.0);
    // 45 s after: 18, the ceiling (the steps in between: tst_budget); an hour later still 18.
    int total = describes(*h.sim);
    QVERIFY(h.stepTo(46000, total + 18));
    QCOMPARE(h.at(46000), 18);
    QCOMPARE(h.health().requestsPerSecond, 18.0);
    total = describes(*h.sim);
    QVERIFY(h.stepTo(3601000, total + 18));
    QCOMPARE(h.at(3601000), 18);
    QCOMPARE(h.health().requestsPerSecond, 18.0);
    QCOMPARE(h.sim->statusCount(429), 2);
}

// The window said two jobs are on screen: they are asked every 200 ms, the four others every 600 ms (three times
// less often); a job that comes into view is asked within its on-screen interval.
void TestRateLimit::offScreenJobsAreDescribedLessOften()
{
    SimScenario s;
    for (int i = 0; i < 6; ++i)
        s.jobs << runningJob(jobIdOf(i));
    ImportService::Options o = busyOptions(200);
    o.requestsPerSecond = 20; // the budget is not what is under test here
    o.budgetGuardMs = 0;
    Held h(s, SimDialect::CloudV2, o);
    h.service->setVisibleJobs({jobKey(jobIdOf(0)), jobKey(jobIdOf(1))});
    h.start();
    QVERIFY(h.stepTo(0, 6));
    int expected = 6;
    for (qint64 t = 200; t <= 1200; t += 200) {
        expected += 2 + (t % 600 == 0 ? 4 : 0);
        QVERIFY2(h.stepTo(t, expected), qPrintable(QStringLiteral("at %1 ms: %2 of %3").arg(t).arg(describes(*h.sim)).arg(expected)));
        QCOMPARE(describes(*h.sim), expected);
    }
    QCOMPARE(h.describesOf(jobIdOf(0)), 7);
    QCOMPARE(h.describesOf(jobIdOf(1)), 7);
    for (int i = 2; i < 6; ++i)
        QCOMPARE(h.describesOf(jobIdOf(i)), 3);
    // Job 5 scrolls into view at 1300 (last asked at 1200, due at 1800): asked 200 ms later, at 1500.
    h.ms = 1300;
    h.service->setVisibleJobs({jobKey(jobIdOf(0)), jobKey(jobIdOf(1)), jobKey(jobIdOf(5))});
    QVERIFY(h.stepTo(1400, expected + 2)); // 0 and 1 are due at 1400 too
    QCOMPARE(h.jobsAt(1400), (QStringList{jobIdOf(0), jobIdOf(1)}));
    QVERIFY(h.stepTo(1500, expected + 3));
    QCOMPARE(h.jobsAt(1500), QStringList{jobIdOf(5)});
}

// At 2 requests a second with every job overdue, the two on screen go first, although the six off screen have
// waited longer — but not for ever: once one has waited visibleLeadMs (10 s) longer, it goes. The selected job
// goes before them all.
void TestRateLimit::jobsOnScreenGoFirstAmongDueJobs()
{
    SimScenario s;
    for (int i = 0; i < 8; ++i)
        s.jobs << runningJob(jobIdOf(i));
    ImportService::Options o = busyOptions(200);
    o.selectedIntervalMs = 3000;
    Held h(s, SimDialect::CloudV2, o);
    const QSet<QString> onScreen{jobKey(jobIdOf(6)), jobKey(jobIdOf(7))};
    h.service->setVisibleJobs(onScreen);
    h.start();
    QVERIFY(h.stepTo(0, 8));
    // Select 6 and then 7: each is asked again at once and next due 3 s later; the others are due at 600 ms.
    h.service->setSelectedJob(jobKey(jobIdOf(6)));
    QVERIFY(h.stepTo(0, 9));
    h.service->setSelectedJob(jobKey(jobIdOf(7)));
    QVERIFY(h.stepTo(0, 10));
    h.service->setSelectedJob(QString());
    o.requestsPerSecond = 2;
    h.service->setOptions(o);
    // At 4 s: the six off screen overdue since 0.6 s, the two on screen since 3 s. The two on screen first.
    QVERIFY(h.stepTo(4000, 12));
    QCOMPARE(h.jobsAt(4000), (QStringList{jobIdOf(6), jobIdOf(7)}));
    // Each second after, the two on screen again (due again 200 ms after their answer) — until the first off
    // screen, due since 0.6 s, leads them by more than 10 s: at 11.4 s.
    int total = 12;
    qint64 firstOffScreenAt = -1;
    for (qint64 t = 5001; t <= 13008; t += 1001) {
        total += 2;
        QVERIFY2(h.stepTo(t, total), qPrintable(QStringLiteral("at %1 ms").arg(t)));
        const QStringList asked = h.jobsAt(t);
        QCOMPARE(asked.size(), 2);
        const bool offScreen = !asked.contains(jobIdOf(6)) || !asked.contains(jobIdOf(7));
        if (t < 11400)
            QVERIFY2(!offScreen, qPrintable(QStringLiteral("at %1 ms: %2").arg(t).arg(asked.join(QLatin1Char(',')))));
        else if (offScreen && firstOffScreenAt < 0)
            firstOffScreenAt = t;
    }
    QVERIFY2(firstOffScreenAt > 0, "the jobs off screen were never asked");
    // Selected: before the ones on screen.
    h.service->setSelectedJob(jobKey(jobIdOf(2)));
    QVERIFY(h.stepTo(15000, total + 2));
    QVERIFY2(h.jobsAt(15000).contains(jobIdOf(2)), qPrintable(h.jobsAt(15000).join(QLatin1Char(','))));
}

// The cloud's connection: the default ceiling of 18/s, the number under way from the latency (the fewest before
// any answer). Milvus, with the same options: 10/s and 4 under way, as before; its jobs on screen change nothing.
void TestRateLimit::milvusKeepsItsRateAndItsRequestsInFlight_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("underWay");
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2) << 18.0 << 2;
    QTest::newRow("milvus") << int(SimDialect::Milvus) << 10.0 << 4;
}

void TestRateLimit::milvusKeepsItsRateAndItsRequestsInFlight()
{
    QFETCH(int, dialect);
    QFETCH(double, rate);
    QFETCH(int, underWay);
    SimScenario s;
    for (int i = 0; i < 3; ++i)
        s.jobs << runningJob(jobIdOf(i));
    Held h(s, SimDialect(dialect), ImportService::Options());
    h.service->setVisibleJobs({});
    h.start();
    QCOMPARE(h.health().requestsPerSecond, rate);
    QCOMPARE(h.health().inFlightLimit, underWay);
    QVERIFY(waitUntil([&] { return describes(*h.sim) >= 3 && h.service->requestsInFlight() == 0; }));
    QCOMPARE(h.health().requestsPerSecond, rate);
    if (SimDialect(dialect) == SimDialect::Milvus)
        QCOMPARE(h.health().inFlightLimit, 4);
}

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
