// RequestBudget's AIMD on its own (pure: every call takes the time, so the test is the clock): a rate-limited
// answer halves the rate once per burst, down to a floor; it grows back by 1/s every 5 s without another, up to the
// ceiling the user set, which is never above the documented 20/s; and whatever the rate, a greedy client never
// sends more in a second than the rate in force.

#include "RequestBudget.h"

#include <QList>
#include <QTest>

class TestBudget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rateAfterCuts_data();
    void rateAfterCuts();
    void oneCutPerBurst();
    void aCutWaitsForTheWindowToDrain();
    void theCeilingBoundsACutRate();
    void aGreedyClientNeverExceedsTheRateInForce_data();
    void aGreedyClientNeverExceedsTheRateInForce();
    void theGuardKeepsTwentyInALongerWindow_data();
    void theGuardKeepsTwentyInALongerWindow();
};

// Rate-limited answers at the given times (each to a request sent at that time), then the rate at `at`.
void TestBudget::rateAfterCuts_data()
{
    QTest::addColumn<double>("ceiling");
    QTest::addColumn<QList<qint64>>("cuts");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<double>("expected");
    using L = QList<qint64>;
    QTest::newRow("no 429: the ceiling") << 18.0 << L{} << qint64(100000) << 18.0;
    QTest::newRow("one 429 halves") << 18.0 << L{1000} << qint64(1000) << 9.0;
    QTest::newRow("two bursts: a quarter") << 18.0 << L{1000, 1001} << qint64(1001) << 4.5;
    QTest::newRow("four bursts") << 18.0 << L{1000, 1001, 1002, 1003} << qint64(1003) << 1.125;
    QTest::newRow("floor of 1/s") << 18.0 << L{1000, 1001, 1002, 1003, 1004, 1005, 1006} << qint64(1006) << 1.0;
    QTest::newRow("floor below 1/s is the ceiling") << 0.5 << L{1000, 1001} << qint64(1001) << 0.5;
    QTest::newRow("just before the first step") << 18.0 << L{0} << qint64(4999) << 9.0;
    QTest::newRow("+1 after 5 s") << 18.0 << L{0} << qint64(5000) << 10.0;
    QTest::newRow("+4 after 20 s") << 18.0 << L{0} << qint64(20000) << 13.0;
    QTest::newRow("back at the ceiling after 45 s") << 18.0 << L{0} << qint64(45000) << 18.0;
    QTest::newRow("never above the ceiling") << 18.0 << L{0} << qint64(3600000) << 18.0;
    QTest::newRow("a cut restarts the growth") << 18.0 << L{0, 7000} << qint64(11999) << 5.0;
    QTest::newRow("and it grows from there") << 18.0 << L{0, 7000} << qint64(12000) << 6.0;
    QTest::newRow("floor, then slowly back") << 18.0 << L{0, 1, 2, 3, 4, 5} << qint64(5 + 25000) << 6.0;
    QTest::newRow("a ceiling above 20 is 20") << 50.0 << L{} << qint64(0) << 20.0;
    QTest::newRow("regrown, still 20 at most") << 25.0 << L{0} << qint64(3600000) << 20.0;
    QTest::newRow("25 halves from 20") << 25.0 << L{0} << qint64(0) << 10.0;
}

void TestBudget::rateAfterCuts()
{
    QFETCH(double, ceiling);
    QFETCH(QList<qint64>, cuts);
    QFETCH(qint64, at);
    QFETCH(double, expected);
    RequestBudget b;
    b.setRecovery(5000);
    b.setCeiling(ceiling);
    for (qint64 t : cuts)
        QVERIFY2(b.rateLimited(t, t), qPrintable(QStringLiteral("the 429 at %1 did not cut").arg(t)));
    QCOMPARE(b.rate(at), expected);
    QVERIFY(b.rate(at) <= RequestBudget::kDocumentedLimit);
    // Asking for a slot moves nothing: the same rate after.
    qint64 next = 0;
    b.available(at, &next);
    QCOMPARE(b.rate(at), expected);
}

// Answers to requests sent before the cut were sent at the old rate: they say nothing new and cut nothing.
void TestBudget::oneCutPerBurst()
{
    RequestBudget b;
    b.setCeiling(18);
    QVERIFY(b.rateLimited(900, 1000));
    QCOMPARE(b.rate(1000), 9.0);
    for (qint64 sent : {400, 950, 999, 1000})
        QVERIFY2(!b.rateLimited(sent, 1100), qPrintable(QString::number(sent)));
    QCOMPARE(b.rate(1100), 9.0);
    // One sent after the cut and refused: the new rate is still too much.
    QVERIFY(b.rateLimited(1001, 1200));
    QCOMPARE(b.rate(1200), 4.5);
}

// 18 sent in the last second and the rate halved to 9: no slot until only 8 of them are left in the window.
void TestBudget::aCutWaitsForTheWindowToDrain()
{
    RequestBudget b;
    b.setCeiling(18);
    qint64 next = -1;
    for (qint64 t = 0; t < 18; ++t) {
        QVERIFY(b.available(t, &next));
        b.spend(t);
    }
    QVERIFY(b.rateLimited(17, 20));
    QVERIFY(!b.available(20, &next));
    // The 10th oldest (sent at 9) leaves the window at 1009: the slot then, not earlier, at most 1 ms late.
    QVERIFY2(next >= 1009 && next <= 1010, qPrintable(QString::number(next)));
    QVERIFY(!b.available(1008, &next));
    QVERIFY(b.available(1009, &next));
}

// The user's ceiling bounds a cut rate, and a cut rate stays cut when the ceiling moves above it.
void TestBudget::theCeilingBoundsACutRate()
{
    RequestBudget b;
    b.setRecovery(5000);
    b.setCeiling(18);
    QVERIFY(b.rateLimited(0, 0));
    QCOMPARE(b.rate(0), 9.0);
    b.setCeiling(12); // above the cut rate: it stays cut and grows towards 12
    QCOMPARE(b.rate(0), 9.0);
    QCOMPARE(b.ceiling(), 12.0);
    QCOMPARE(b.rate(60000), 12.0);
    QVERIFY(b.rateLimited(60000, 60000));
    QCOMPARE(b.rate(60000), 6.0);
    b.setCeiling(5); // below it: the ceiling
    QCOMPARE(b.rate(60000), 5.0);
    QCOMPARE(b.rate(600000), 5.0);
    b.setCeiling(40); // never above the documented limit
    QCOMPARE(b.ceiling(), 20.0);
    QCOMPARE(b.rate(600000), 20.0);
}

// A client asking every millisecond for 120 s, refused in bursts: in every second ending at a request there are
// at most as many requests as the rate in force then allows (and never more than 20), and the budget is spent.
void TestBudget::aGreedyClientNeverExceedsTheRateInForce_data()
{
    QTest::addColumn<double>("ceiling");
    QTest::addColumn<QList<qint64>>("refusedAt"); // the first request sent at or after each of these is refused
    using L = QList<qint64>;
    QTest::newRow("18/s, no 429") << 18.0 << L{};
    QTest::newRow("18/s, one burst") << 18.0 << L{10000};
    QTest::newRow("18/s, bursts to the floor") << 18.0 << L{10000, 10500, 11000, 11500, 12000, 12500, 13000};
    QTest::newRow("20/s, three bursts") << 20.0 << L{10000, 15000, 20000};
    QTest::newRow("99/s asked: 20/s") << 99.0 << L{30000};
}

void TestBudget::aGreedyClientNeverExceedsTheRateInForce()
{
    QFETCH(double, ceiling);
    QFETCH(QList<qint64>, refusedAt);
    RequestBudget b;
    b.setRecovery(5000);
    b.setCeiling(ceiling);
    struct Sent
    {
        qint64 at;
        double rate;
    };
    QVector<Sent> sent;
    int refused = 0;
    for (qint64 t = 0; t < 120000; ++t) {
        qint64 next = -1;
        while (b.available(t, &next)) {
            b.spend(t);
            sent.push_back({t, b.rate(t)});
            if (refused < refusedAt.size() && t >= refusedAt[refused]) {
                ++refused;
                b.rateLimited(t, t + 50); // answered 50 ms later
            }
        }
        QVERIFY2(next > t, qPrintable(QStringLiteral("at %1 the next slot is %2").arg(t).arg(next)));
    }
    QCOMPARE(refused, refusedAt.size());
    for (int i = 0; i < sent.size(); ++i) {
        int inWindow = 0;
        for (int j = i; j >= 0 && sent[j].at > sent[i].at - 1000; --j)
            ++inWindow;
        QVERIFY2(inWindow <= std::max(1, static_cast<int>(sent[i].rate)) && inWindow <= 20,
                 qPrintable(QStringLiteral("%1 requests in the second up to %2 ms at %3/s").arg(inWindow).arg(sent[i].at).arg(sent[i].rate)));
    }
    // Spent, not merely respected: the last 5 s at the ceiling again (every row has regrown by then).
    int last5s = 0;
    for (const Sent &s : sent)
        last5s += s.at >= 115000;
    const int perSecond = static_cast<int>(std::min(ceiling, RequestBudget::kDocumentedLimit));
    QCOMPARE(b.rate(115000), std::min(ceiling, RequestBudget::kDocumentedLimit));
    QVERIFY2(last5s >= 4 * perSecond, qPrintable(QString::number(last5s)));
}

// With a guard of G ms: never more than 20 in any 1000 + G ms of sends (so answers bunched by up to G ms still reach
// the server within its 20 a second), bursts of the ceiling in one second still allowed, and the sustained rate
// 20 / (1 + G/1000).
void TestBudget::theGuardKeepsTwentyInALongerWindow_data()
{
    QTest::addColumn<double>("ceiling");
    QTest::addColumn<qint64>("guardMs");
    QTest::addColumn<int>("sustained"); // requests in 60 s, about
    QTest::newRow("18/s, no guard") << 18.0 << qint64(0) << 18 * 60;
    QTest::newRow("18/s, 250 ms") << 18.0 << qint64(250) << 16 * 60;
    QTest::newRow("20/s, 100 ms") << 20.0 << qint64(100) << 1091; // 20 / 1.1 s
    QTest::newRow("9/s, 250 ms: no effect") << 9.0 << qint64(250) << 9 * 60;
}

void TestBudget::theGuardKeepsTwentyInALongerWindow()
{
    QFETCH(double, ceiling);
    QFETCH(qint64, guardMs);
    QFETCH(int, sustained);
    RequestBudget b;
    b.setCeiling(ceiling);
    b.setGuard(guardMs);
    QVector<qint64> sent;
    for (qint64 t = 0; t < 60000; ++t) {
        qint64 next = -1;
        while (b.available(t, &next)) {
            b.spend(t);
            sent << t;
        }
        QVERIFY2(next > t, qPrintable(QStringLiteral("at %1 the next slot is %2").arg(t).arg(next)));
    }
    QCOMPARE(std::count(sent.begin(), sent.end(), qint64(0)), qint64(static_cast<int>(ceiling))); // the first burst
    for (int i = 0; i < sent.size(); ++i) {
        int inGuard = 0, inSecond = 0;
        for (int j = i; j >= 0 && sent[j] > sent[i] - 1000 - guardMs; --j) {
            ++inGuard;
            inSecond += sent[j] > sent[i] - 1000;
        }
        QVERIFY2(inGuard <= 20 && inSecond <= static_cast<int>(ceiling),
                 qPrintable(QStringLiteral("up to %1 ms: %2 in the guard's window, %3 in the second").arg(sent[i]).arg(inGuard).arg(inSecond)));
    }
    QVERIFY2(std::abs(sent.size() - sustained) <= 25, qPrintable(QString::number(sent.size())));
}

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"
