// A create whose answer nobody saw (Bulkwatch crashed or quit while it was under way) leaves its Idempotency-Key
// in the history. At the next start it is looked for on the server and, when not found, reported; Resend uses
// the same key (one job on a server that honours it, even when the first send had made one), Discard sends
// nothing and forgets the key, and an unanswered key outlives a restart. Counts are the simulator's own.

#include "HistoryStore.h"
#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
const QString kCreate = QStringLiteral("/v2/vectordb/jobs/import/create");
const QString kKey = QStringLiteral("bw-crashed-0001");
const QDateTime kWhen(QDate(2026, 12, 2), QTime(9, 30), QTimeZone(0));

QJsonObject params(const QStringList &files = {QStringLiteral("a.parquet"), QStringLiteral("b.parquet")})
{
    return QJsonObject{{QStringLiteral("dbName"), QString()},
                       {QStringLiteral("collectionName"), QStringLiteral("quick_setup")},
                       {QStringLiteral("partitionName"), QString()},
                       {QStringLiteral("files"), QJsonArray{QJsonArray::fromStringList(files)}},
                       {QStringLiteral("options"), QJsonObject{}},
                       {QStringLiteral("bucketKeysRemembered"), false},
                       {QStringLiteral("idempotencyKey"), kKey}};
}

// A history as a crash leaves it: the connection, and a create's key with no answer.
void crashedHistory(const QString &path, const SimFixture &sim)
{
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY(store.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod"))));
    QVERIFY(store.savePendingCreate({kKey, QStringLiteral("sim"), params(), kWhen}));
}

// What the first send did, when it reached the server: the same create with the same key, straight over HTTP.
QString firstSendReached(const SimFixture &sim, const QStringList &files = {QStringLiteral("a.parquet"), QStringLiteral("b.parquet")})
{
    QNetworkAccessManager nam;
    const RawReply r = sim.post(nam, QStringLiteral("/v2/vectordb/jobs/import/create"),
                                QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("quick_setup")},
                                            {QStringLiteral("files"), QJsonArray{QJsonArray::fromStringList(files)}}},
                                {{"Idempotency-Key", files.size() == 2 ? kKey.toLatin1() : QByteArray("someone-else")}});
    return r.data().value(QLatin1String("jobId")).toString();
}

SimFaultRule listFails()
{
    SimFaultRule f;
    f.kind = QStringLiteral("status");
    f.path = QStringLiteral("/jobs/import/list");
    f.remaining = -1;
    f.status = 503;
    f.body = "{\"code\":65535,\"message\":\"unexpected\"}";
    return f;
}

struct Started
{
    HistoryStore store;
    std::unique_ptr<ImportService> service;
    bool open(const QString &path)
    {
        QString error;
        if (!store.open(path, &error))
            return false;
        service = std::make_unique<ImportService>(&store, nullptr);
        service->setOptions(fastOptions());
        service->start();
        return true;
    }
};

struct Created
{
    QString key;
    ApiError error;
    bool answered = false;
};
} // namespace

class TestSafeCreateRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCreateLeftWithoutAnAnswerIsReportedAtStart();
    void oneFoundOnTheServerIsFollowedAndItsKeyDropped();
    void aJobWithOtherFilesIsNotTakenForIt();
    void resendUsesTheSameKey_data();
    void resendUsesTheSameKey();
    void discardSendsNothingAndForgetsTheKey();
    void theKeyOutlivesARestartUntilAnswered();
};

#ifndef Q_MOC_RUN
void TestSafeCreateRestart::aCreateLeftWithoutAnAnswerIsReportedAtStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    crashedHistory(path, sim);
    Started s;
    QVERIFY(s.open(path));
    QSignalSpy changed(s.service.get(), &ImportService::unconfirmedCreatesChanged);
    QTRY_COMPARE_WITH_TIMEOUT(s.service->unconfirmedCreates().size(), 1, 10000);
    const ImportService::UnconfirmedCreate u = s.service->unconfirmedCreates().constFirst();
    QCOMPARE(u.collectionName, QStringLiteral("quick_setup"));
    QCOMPARE(u.files, (QStringList{QStringLiteral("a.parquet"), QStringLiteral("b.parquet")}));
    QCOMPARE(u.createdAt, kWhen);
    QCOMPARE(u.connectionId, QStringLiteral("sim"));
    QCOMPARE(u.idempotencyKey, kKey);
    QVERIFY(changed.count() >= 1);
    // It asked the server, and sent nothing.
    QVERIFY(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/list")) >= 1);
    QCOMPARE(sim.server->requestCount(kCreate), 0);
}

void TestSafeCreateRestart::oneFoundOnTheServerIsFollowedAndItsKeyDropped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    const QString jobId = firstSendReached(sim);
    QVERIFY(!jobId.isEmpty());
    crashedHistory(path, sim);
    Started s;
    QVERIFY(s.open(path));
    QSignalSpy reached(s.service.get(), &ImportService::unconfirmedCreateReached);
    QTRY_COMPARE_WITH_TIMEOUT(reached.count(), 1, 10000);
    QCOMPARE(reached.at(0).at(1).toString(), jobKey(jobId));
    QVERIFY(s.service->unconfirmedCreates().isEmpty());
    const JobRecord *r = s.service->job(jobKey(jobId));
    QVERIFY(r);
    QCOMPARE(r->createParams.value(QLatin1String("idempotencyKey")).toString(), kKey); // Retry knows how it was made
    s.service->flush();
    QVERIFY(s.store.pendingCreates().isEmpty());
    QCOMPARE(sim.server->requestCount(kCreate), 1); // the first send only
    QCOMPARE(sim.server->engine().createdJobCount(), 1);
}

void TestSafeCreateRestart::aJobWithOtherFilesIsNotTakenForIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    QVERIFY(!firstSendReached(sim, {QStringLiteral("other.parquet")}).isEmpty()); // someone else's import
    crashedHistory(path, sim);
    Started s;
    QVERIFY(s.open(path));
    QSignalSpy reached(s.service.get(), &ImportService::unconfirmedCreateReached);
    QTRY_COMPARE_WITH_TIMEOUT(s.service->unconfirmedCreates().size(), 1, 10000);
    QCOMPARE(reached.count(), 0);
    QVERIFY(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/describe")) >= 1); // it looked
}

void TestSafeCreateRestart::resendUsesTheSameKey_data()
{
    QTest::addColumn<bool>("reached");
    QTest::addColumn<bool>("honoursKey");
    QTest::addColumn<int>("jobs");
    QTest::newRow("the first send had made the job") << true << true << 1;
    QTest::newRow("the first send never arrived") << false << true << 1;
    // What the prompt warns about: a server older than the header makes a second job.
    QTest::newRow("a server that ignores the key") << true << false << 2;
}

void TestSafeCreateRestart::resendUsesTheSameKey()
{
    QFETCH(bool, reached);
    QFETCH(bool, honoursKey);
    QFETCH(int, jobs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimScenario scenario;
    scenario.idempotency = honoursKey;
    SimFixture sim(scenario);
    QString firstJob;
    if (reached)
        firstJob = firstSendReached(sim);
    // The list cannot be read: the service cannot find the job by itself and has to ask.
    sim.server->addFault(listFails());
    crashedHistory(path, sim);
    Started s;
    QVERIFY(s.open(path));
    QTRY_COMPARE_WITH_TIMEOUT(s.service->unconfirmedCreates().size(), 1, 10000);
    const int createsBefore = sim.server->requestCount(kCreate);

    auto out = std::make_shared<Created>();
    s.service->resendUnconfirmed(kKey, [out](const QString &key, const ApiError &e) {
        out->key = key;
        out->error = e;
        out->answered = true;
    });
    QVERIFY(s.service->unconfirmedCreates().isEmpty()); // no longer offered while it is sent
    QTRY_VERIFY_WITH_TIMEOUT(out->answered, 10000);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.summary()));
    QCOMPARE(sim.server->requestCount(kCreate), createsBefore + 1);
    QCOMPARE(sim.server->engine().createdJobCount(), jobs);
    if (reached && honoursKey)
        QCOMPARE(out->key, jobKey(firstJob)); // the job the first send made, named again
    QVERIFY(s.service->job(out->key));
    QVERIFY(s.service->unconfirmedCreates().isEmpty());
    s.service->flush();
    QVERIFY(s.store.pendingCreates().isEmpty());
}

void TestSafeCreateRestart::discardSendsNothingAndForgetsTheKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    crashedHistory(path, sim);
    {
        Started s;
        QVERIFY(s.open(path));
        QTRY_COMPARE_WITH_TIMEOUT(s.service->unconfirmedCreates().size(), 1, 10000);
        QSignalSpy changed(s.service.get(), &ImportService::unconfirmedCreatesChanged);
        s.service->discardUnconfirmed(kKey);
        QCOMPARE(changed.count(), 1);
        QVERIFY(s.service->unconfirmedCreates().isEmpty());
        s.service->flush();
        QVERIFY(s.store.pendingCreates().isEmpty());
        const int from = sim.server->requestCount();
        QVERIFY(waitUntil([&] { return sim.server->requestCount() >= from + 5; }, 10000)); // polling goes on
    }
    QCOMPARE(sim.server->requestCount(kCreate), 0);
    QCOMPARE(sim.server->engine().createdJobCount(), 0);
    Started again;
    QVERIFY(again.open(path));
    const int from = sim.server->requestCount();
    QVERIFY(waitUntil([&] { return sim.server->requestCount() >= from + 5; }, 10000));
    QVERIFY(again.service->unconfirmedCreates().isEmpty());
}

void TestSafeCreateRestart::theKeyOutlivesARestartUntilAnswered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    crashedHistory(path, sim);
    {
        Started s;
        QVERIFY(s.open(path));
        QTRY_COMPARE_WITH_TIMEOUT(s.service->unconfirmedCreates().size(), 1, 10000);
    } // quit without an answer
    {
        Started s;
        QVERIFY(s.open(path));
        QTRY_COMPARE_WITH_TIMEOUT(s.service->unconfirmedCreates().size(), 1, 10000);
        QCOMPARE(s.service->unconfirmedCreates().constFirst().idempotencyKey, kKey);
        auto out = std::make_shared<Created>();
        s.service->resendUnconfirmed(kKey, [out](const QString &key, const ApiError &e) {
            out->key = key;
            out->error = e;
            out->answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(out->answered, 10000);
        QVERIFY(!out->error.isError());
    }
    Started s;
    QVERIFY(s.open(path));
    const int from = sim.server->requestCount();
    QVERIFY(waitUntil([&] { return sim.server->requestCount() >= from + 5; }, 10000));
    QVERIFY(s.service->unconfirmedCreates().isEmpty());
    QCOMPARE(sim.server->engine().createdJobCount(), 1);
}
#endif

QTEST_GUILESS_MAIN(TestSafeCreateRestart)
#include "tst_safecreate_restart.moc"
