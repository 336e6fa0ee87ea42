// A create whose answer is lost must never start the same import twice: the Idempotency-Key is kept before the
// request leaves, a lost answer is resent with it, Qt resends nothing by itself, a Retry uses a new key. Every
// count is the simulator's own (server side): how many creates arrived, how many jobs it made.

#include "HistoryStore.h"
#include "ImportApiClient.h"
#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kCreate = QStringLiteral("/v2/vectordb/jobs/import/create");

CreateRequest request(const QString &file = QStringLiteral("a.parquet"))
{
    CreateRequest r;
    r.collectionName = QStringLiteral("quick_setup");
    r.fileGroups = {QStringList{file}};
    return r;
}

SimFaultRule fault(const QString &kind, int count, int status = 503)
{
    SimFaultRule f;
    f.kind = kind;
    f.path = QStringLiteral("/jobs/import/create");
    f.remaining = count;
    f.status = status;
    f.body = "{\"code\":65535,\"message\":\"unexpected\"}";
    return f;
}

struct Created
{
    QString key;
    ApiError error;
    bool answered = false;
};

Created createWith(ImportService &service, const CreateRequest &req)
{
    auto out = std::make_shared<Created>();
    service.createJob(QStringLiteral("sim"), req, false, [out](const QString &key, const ApiError &e) {
        out->key = key;
        out->error = e;
        out->answered = true;
    });
    waitUntil([out] { return out->answered; }, 30000); // the caller checks answered
    return *out;
}

ImportService::Options options()
{
    ImportService::Options o = fastOptions();
    o.createResendDelayMs = 50;
    return o;
}
} // namespace

class TestSafeCreate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void qtDoesNotResendACreateByItself();
    void aLostAnswerEndsWithOneJob_data();
    void aLostAnswerEndsWithOneJob();
    void aServerThatStaysSilentGetsThreeTriesAtMost();
    void aRefusalIsNotResent();
    void theKeyIsInTheHistoryBeforeTheRequestLeaves();
    void aRetryOfAFailedJobUsesANewKey();
};

#ifndef Q_MOC_RUN
void TestSafeCreate::qtDoesNotResendACreateByItself()
{
    // Qt's HTTP channel resends a request once by itself when the connection closes before any answer; for a
    // create that would be a second import the caller never asked for.
    SimFixture sim(SimScenario{});
    sim.server->addFault(fault(QStringLiteral("drop"), 1));
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    CreateRequest req = request();
    req.idempotencyKey = QStringLiteral("bw-test-1");
    const CreateResult r = createSync(client, sim.endpoint(), req);
    QVERIFY(r.answered);
    QCOMPARE(r.error.kind, ErrorKind::Network);
    QCOMPARE(sim.server->requestCount(kCreate), 1);
    QCOMPARE(sim.server->engine().createdJobCount(), 1); // the job exists; its answer was lost
}

void TestSafeCreate::aLostAnswerEndsWithOneJob_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("lost");
    QTest::newRow("milvus, connection dropped after creating") << int(SimDialect::Milvus) << QStringLiteral("drop") << 1;
    QTest::newRow("milvus, dropped twice") << int(SimDialect::Milvus) << QStringLiteral("drop") << 2;
    QTest::newRow("milvus, 502 after creating") << int(SimDialect::Milvus) << QStringLiteral("status") << 1;
    QTest::newRow("milvus, reset mid-answer") << int(SimDialect::Milvus) << QStringLiteral("reset") << 1;
    QTest::newRow("cloud v2, dropped") << int(SimDialect::CloudV2) << QStringLiteral("drop") << 1;
    QTest::newRow("cloud v2, 502 page from a proxy") << int(SimDialect::CloudV2) << QStringLiteral("html5xx") << 2;
}

void TestSafeCreate::aLostAnswerEndsWithOneJob()
{
    QFETCH(int, dialect);
    QFETCH(QString, kind);
    QFETCH(int, lost);
    SimFixture sim(SimScenario{}, SimDialect(dialect));
    sim.server->addFault(fault(kind, lost, 502));
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state == ConnectionHealth::State::Ok, 10000);

    const Created c = createWith(service, request());
    QVERIFY(c.answered);
    QVERIFY2(!c.error.isError(), qPrintable(c.error.summary()));
    QCOMPARE(sim.server->requestCount(kCreate), lost + 1);
    QCOMPARE(sim.server->engine().createdJobCount(), 1);
    // The job the service follows is the one the server made.
    const QString jobId = sim.server->engine().jobs(QString(), QString()).value(0)->id;
    QCOMPARE(c.key, jobKey(jobId));
    QVERIFY(service.job(c.key));
}

void TestSafeCreate::aServerThatStaysSilentGetsThreeTriesAtMost()
{
    SimFixture sim(SimScenario{});
    sim.server->addFault(fault(QStringLiteral("drop"), -1));
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    const Created c = createWith(service, request());
    QCOMPARE(c.error.kind, ErrorKind::Network);
    QCOMPARE(sim.server->requestCount(kCreate), 1 + 2);
    QCOMPARE(sim.server->engine().createdJobCount(), 1); // three tries, one key, one job
}

void TestSafeCreate::aRefusalIsNotResent()
{
    SimScenario s;
    s.collections = {QStringLiteral("other")};
    SimFixture sim(s);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    const Created c = createWith(service, request());
    QCOMPARE(c.error.code.value_or(0), 100); // collection not found: a definite answer
    QCOMPARE(sim.server->requestCount(kCreate), 1);
}

void TestSafeCreate::theKeyIsInTheHistoryBeforeTheRequestLeaves()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    SimFaultRule slow = fault(QStringLiteral("latency"), 1);
    slow.latencyMs = 1500;
    sim.server->addFault(slow);
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    ImportService service(&store, nullptr);
    service.setOptions(options());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);

    auto out = std::make_shared<Created>();
    service.createJob(QStringLiteral("sim"), request(), false, [out](const QString &key, const ApiError &e) {
        out->key = key;
        out->error = e;
        out->answered = true;
    });
    // While the server holds the answer, the request has arrived and its key is on disk.
    QTRY_COMPARE_WITH_TIMEOUT(sim.server->engine().createdJobCount(), 1, 10000);
    QVERIFY(!out->answered);
    const QVector<HistoryStore::PendingCreate> pending = store.pendingCreates();
    QCOMPARE(pending.size(), 1);
    QVERIFY(pending[0].idempotencyKey.startsWith(QLatin1String("bw-")));
    QVERIFY(idempotencyKeyProblem(pending[0].idempotencyKey).isEmpty());
    QCOMPARE(pending[0].connectionId, QStringLiteral("sim"));

    QTRY_VERIFY_WITH_TIMEOUT(out->answered, 10000);
    QVERIFY(!out->error.isError());
    service.flush();
    QCOMPARE(store.pendingCreates().size(), 0);
    // The job keeps the key it was made with.
    QCOMPARE(service.job(out->key)->createParams.value(QLatin1String("idempotencyKey")).toString(), pending[0].idempotencyKey);
}

void TestSafeCreate::aRetryOfAFailedJobUsesANewKey()
{
    SimScenario s;
    s.newPendingSeconds = 0.1;
    s.newPreimportSeconds = 0.1;
    s.newSecondsPerFile = 0.4;
    SimFixture sim(s);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    const Created first = createWith(service, request(QStringLiteral("will-fail.parquet")));
    QVERIFY(!first.error.isError());
    QTRY_COMPARE_WITH_TIMEOUT(service.job(first.key)->job.state, JobState::Failed, 15000);

    auto out = std::make_shared<Created>();
    QVERIFY(service.retryJob(first.key, [out](const QString &key, const ApiError &e) {
        out->key = key;
        out->error = e;
        out->answered = true;
    }));
    QTRY_VERIFY_WITH_TIMEOUT(out->answered, 15000);
    QVERIFY(!out->error.isError());
    QVERIFY(out->key != first.key); // a new key: the server made a new job, not the failed one again
    QCOMPARE(sim.server->engine().createdJobCount(), 2);
    QVERIFY(service.job(out->key)->createParams.value(QLatin1String("idempotencyKey")).toString()
            != service.job(first.key)->createParams.value(QLatin1String("idempotencyKey")).toString());
}
#endif

QTEST_GUILESS_MAIN(TestSafeCreate)
#include "tst_safecreate.moc"
