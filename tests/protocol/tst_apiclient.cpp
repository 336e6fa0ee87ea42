// The API client over real HTTP on 127.0.0.1: probing, paging, headers, deadlines, caps, redirects, faults.

#include "support/RawHttpServer.h"
#include "support/OsThreads.h"
#include "support/ReservedPort.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

class TestApiClient : public QObject
{
    Q_OBJECT
    QNetworkAccessManager nam;

    static SimScenario scenario();
    static SimFaultRule fault(const QString &kind, const QString &path = {}, int count = -1);

private Q_SLOTS:
    void readsEveryDialect_data();
    void readsEveryDialect();

    void probingFallsBackAndRemembersThePath();

    void nonJsonSuccessMovesTheProbeOn();

    void everyPath404IsUnsupported();

    void otherAnswersEndTheProbe_data();
    void otherAnswersEndTheProbe();

    void listFollowsEveryPageEvenWhenTheServerCapsPageSize();

    void listOnV1UsesTasksAndPages();

    void headersCarryKeyDatabaseAndAgent();

    void keyNeverAppearsInErrorsOrLogs();

    void faultsEndWithTheRightKind_data();
    void faultsEndWithTheRightKind();

    void retryAfterIsRead();

    void redirectsStayWithinTheOrigin();

    void connectionRefusedIsNetwork();

    void lateAnswersAfterCancelAreDropped();

    void createCommitAndAbortSpeakMilvus();

    void theDefaultCapRefusesA65MiBBodyUnread_data();
    void theDefaultCapRefusesA65MiBBodyUnread();

    void theDefaultDeadlineEndsADrippingBody();

    void largeAnswersAreParsedBelowTheWindow();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
SimScenario TestApiClient::scenario()
{
    SimScenario s;
    SimJob done = timelineJob(QStringLiteral("453240863839750922"));
    done.createdAt = -1000;
    SimJob running = timelineJob(QStringLiteral("453240863839750923"));
    SimJob other = timelineJob(QStringLiteral("453240863839750925"));
    other.db = QStringLiteral("analytics");
    s.jobs = {done, running, other};
    return s;
}

SimFaultRule TestApiClient::fault(const QString &kind, const QString &path, int count)
{
    SimFaultRule f;
    f.kind = kind;
    f.path = path;
    f.remaining = count;
    return f;
}

void TestApiClient::readsEveryDialect_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("milvus") << int(SimDialect::Milvus);
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2);
    QTest::newRow("cloud-v1") << int(SimDialect::CloudV1);
}

void TestApiClient::readsEveryDialect()
{
    QFETCH(int, dialect);
    SimFixture sim(scenario(), SimDialect(dialect));
    ImportApiClient client(nam);
    const ProgressResult r = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
    QCOMPARE(r.job.state, JobState::Completed);
    QCOMPARE(r.job.progress, 100.0);
    QCOMPARE(r.job.files.size(), 2);
    QVERIFY(r.job.completeTime.isValid());
    QCOMPARE(r.job.completeTime.timeSpec(), Qt::UTC);
    const ListResult l = listSync(client, sim.endpoint());
    QVERIFY(!l.error.isError());
    QCOMPARE(l.jobs.size(), 2);
    const ProgressResult missing = fetchProgressSync(client, sim.endpoint(), QStringLiteral("448761313698322011"));
    QCOMPARE(missing.error.kind, ErrorKind::NotFound);
    QVERIFY(!missing.error.retryable);
}

void TestApiClient::probingFallsBackAndRemembersThePath()
{
    SimFixture sim(scenario());
    // An older Milvus: no /describe route (plain 404), /get_progress works.
    SimFaultRule noDescribe = fault(QStringLiteral("status"), QStringLiteral("/describe"));
    noDescribe.status = 404;
    noDescribe.body = "404 page not found";
    sim.server->addFault(noDescribe);
    ImportApiClient client(nam);
    const ProgressResult r = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
    QCOMPARE(client.knownProgressPath(sim.endpoint()), QStringLiteral("/v2/vectordb/jobs/import/get_progress"));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/describe")), 1);
    fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/describe")), 1); // remembered: not probed again
    QCOMPARE(sim.server->requestCount(QStringLiteral("/get_progress")), 2);
}

void TestApiClient::nonJsonSuccessMovesTheProbeOn()
{
    SimFixture sim(scenario(), SimDialect::CloudV2);
    SimFaultRule html = fault(QStringLiteral("status"), QStringLiteral("/describe"));
    html.status = 200;
    html.body = "<html>console login</html>";
    sim.server->addFault(html);
    ImportApiClient client(nam);
    const ProgressResult r = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
    QCOMPARE(client.knownProgressPath(sim.endpoint()), QStringLiteral("/v2/vectordb/jobs/import/get_progress"));
}

void TestApiClient::everyPath404IsUnsupported()
{
    SimFixture sim(scenario());
    SimFaultRule all404 = fault(QStringLiteral("status"));
    all404.status = 404;
    all404.body = "404 page not found";
    sim.server->addFault(all404);
    ImportApiClient client(nam);
    Endpoint ep = sim.endpoint();
    ep.dialect = Dialect::V2;
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("1"));
    QCOMPARE(r.error.kind, ErrorKind::Unsupported);
    QCOMPARE(sim.server->requestCount(), 3);
}

void TestApiClient::otherAnswersEndTheProbe_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::newRow("401") << 401 << QByteArray(R"({"code":1800,"message":"user hasn't authenticated"})") << int(ErrorKind::Auth);
    QTest::newRow("403") << 403 << QByteArray(R"({"code":1401,"message":"denied"})") << int(ErrorKind::Forbidden);
    QTest::newRow("429") << 429 << QByteArray(R"({"code":429,"message":"slow down"})") << int(ErrorKind::RateLimited);
    QTest::newRow("503") << 503 << QByteArray(R"({"code":2,"message":"unavailable"})") << int(ErrorKind::Server);
}

void TestApiClient::otherAnswersEndTheProbe()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    SimFixture sim(scenario());
    SimFaultRule f = fault(QStringLiteral("status"), QStringLiteral("/describe"));
    f.status = status;
    f.body = body;
    sim.server->addFault(f);
    ImportApiClient client(nam);
    const ProgressResult r = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QCOMPARE(int(r.error.kind), kind);
    QCOMPARE(r.error.httpStatus, status);
    QCOMPARE(sim.server->requestCount(), 1); // no other path tried
    QVERIFY(client.knownProgressPath(sim.endpoint()).isEmpty());
}

void TestApiClient::listFollowsEveryPageEvenWhenTheServerCapsPageSize()
{
    SimFixture sim(SimScenario::load(250, 1), SimDialect::CloudV2);
    ImportApiClient client(nam);
    const ListResult l = listSync(client, sim.endpoint());
    QVERIFY(!l.error.isError());
    QCOMPARE(l.jobs.size(), 250);
    QCOMPARE(sim.server->requestCount(QStringLiteral("/list")), 3);
    QSet<QString> ids;
    for (const JobSummary &s : l.jobs)
        ids.insert(s.jobId);
    QCOMPARE(ids.size(), 250);
}

void TestApiClient::listOnV1UsesTasksAndPages()
{
    SimFixture sim(SimScenario::load(120, 1), SimDialect::CloudV1);
    ImportApiClient client(nam);
    const ListResult l = listSync(client, sim.endpoint());
    QVERIFY(!l.error.isError());
    QCOMPARE(l.jobs.size(), 120);
}

void TestApiClient::headersCarryKeyDatabaseAndAgent()
{
    SimFixture sim(scenario());
    sim.server->setApiKey("s3cr3t-key-value");
    ImportApiClient client(nam);
    Endpoint ep = sim.endpoint();
    ep.token = "s3cr3t-key-value";
    ep.dbName = QStringLiteral("analytics");
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("453240863839750925"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
    QCOMPARE(sim.server->requestsWithAuthorization(), 1);
    ep.token.clear();
    const ProgressResult anon = fetchProgressSync(client, ep, QStringLiteral("453240863839750925"));
    QCOMPARE(anon.error.kind, ErrorKind::Auth);
    QCOMPARE(sim.server->requestsWithAuthorization(), 1); // no header without a key

    // The headers exactly as sent, read off the wire (the simulator keeps no headers).
    RawHttpServer raw;
    raw.setAnswer("HTTP/1.1 200 OK\r\nContent-Type: application/json",
                  R"({"code":0,"data":{"jobId":"453240863839750925","state":"Completed","progress":100,"details":[]}})");
    Endpoint wire;
    wire.baseUrl = raw.baseUrl();
    wire.dialect = Dialect::V2;
    wire.token = "s3cr3t-key-value";
    wire.dbName = QStringLiteral("analytics");
    const ProgressResult seen = fetchProgressSync(client, wire, QStringLiteral("453240863839750925"));
    QVERIFY(seen.answered);
    QVERIFY(!raw.requestHeads().isEmpty());
    QCOMPARE(raw.header(0, "Authorization"), QByteArray("Bearer s3cr3t-key-value"));
    QCOMPARE(raw.header(0, "DB-Name"), QByteArray("analytics"));
    QCOMPARE(raw.header(0, "Accept"), QByteArray("application/json"));
    QCOMPARE(raw.header(0, "Content-Type"), QByteArray("application/json"));
    const QByteArray agent = raw.header(0, "User-Agent");
    QVERIFY2(QRegularExpression(QStringLiteral("^Bulkwatch/\\d+\\.\\d+")).match(QString::fromLatin1(agent)).hasMatch(), agent.constData());
    wire.token.clear();
    fetchProgressSync(client, wire, QStringLiteral("453240863839750925"));
    QCOMPARE(raw.requestHeads().size(), 2);
    QCOMPARE(raw.header(1, "Authorization"), QByteArray());
    QCOMPARE(raw.header(1, "User-Agent"), agent);
}

void TestApiClient::keyNeverAppearsInErrorsOrLogs()
{
    SimFixture sim(scenario());
    sim.server->setApiKey("right");
    ImportApiClient client(nam);
    QStringList log;
    client.setLogger([&](const QString &l) { log << l; });
    Endpoint ep = sim.endpoint();
    ep.token = "wrong-but-secret-token-123";
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"));
    QCOMPARE(r.error.kind, ErrorKind::Auth);
    QVERIFY(!r.error.summary().contains(QLatin1String("secret-token")));
    QVERIFY(!log.isEmpty());
    for (const QString &l : log)
        QVERIFY(!l.contains(QLatin1String("secret-token")));
}

void TestApiClient::faultsEndWithTheRightKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("errorKind");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("never answers") << "hang" << int(ErrorKind::Timeout) << true;
    QTest::newRow("drips a byte a second") << "drip" << int(ErrorKind::Timeout) << true;
    QTest::newRow("reset mid-body") << "reset" << int(ErrorKind::Network) << true;
    QTest::newRow("truncated JSON") << "truncate" << int(ErrorKind::Malformed) << true;
    QTest::newRow("garbage") << "garbage" << int(ErrorKind::Malformed) << true;
    QTest::newRow("5xx with HTML") << "html5xx" << int(ErrorKind::Server) << true;
    QTest::newRow("300 MB body") << "huge" << int(ErrorKind::Malformed) << true;
}

void TestApiClient::faultsEndWithTheRightKind()
{
    QFETCH(QString, kind);
    QFETCH(int, errorKind);
    QFETCH(bool, retryable);
    SimFixture sim(scenario());
    SimFaultRule f = fault(kind);
    f.status = 502;
    f.dripMs = 200;
    sim.server->addFault(f);
    ImportApiClient client(nam);
    client.setDeadlineMs(1500);
    client.setMaxBodyBytes(1024 * 1024);
    Endpoint ep = sim.endpoint();
    ep.dialect = Dialect::V2;
    QElapsedTimer t;
    t.start();
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"));
    QVERIFY(r.answered);
    QVERIFY2(int(r.error.kind) == errorKind, qPrintable(r.error.summary()));
    QCOMPARE(r.error.retryable, retryable);
    QVERIFY(!r.error.message.isEmpty());
    QVERIFY2(t.elapsed() < 10000, "the deadline must end every fault");
    QCOMPARE(client.requestsInFlight(), 0);
    // The fault ends: the same client reads the job again.
    sim.server->clearFaults();
    const ProgressResult again = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"));
    QVERIFY2(!again.error.isError(), qPrintable(again.error.summary()));
}

void TestApiClient::retryAfterIsRead()
{
    // The server's limit is per second: two sequential requests may land in different seconds on a loaded
    // machine. So ask until one is refused (each refusal must carry Retry-After), never judging by time.
    SimFixture sim(scenario(), SimDialect::CloudV2, 1);
    ImportApiClient client(nam);
    ProgressResult r;
    for (int i = 0; i < 20 && r.error.kind != ErrorKind::RateLimited; ++i)
        r = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QCOMPARE(r.error.kind, ErrorKind::RateLimited);
    QCOMPARE(r.error.retryAfterMs, 1000);
    QVERIFY(r.error.retryable);
    QVERIFY(sim.server->rateLimitedCount() >= 1);
}

void TestApiClient::redirectsStayWithinTheOrigin()
{
    SimFixture sim(scenario());
    SimFixture elsewhere(scenario());
    SimFaultRule same = fault(QStringLiteral("redirect"), QStringLiteral("/describe"), 1);
    same.redirectTo = sim.url(QStringLiteral("/v2/vectordb/jobs/import/get_progress")).toString();
    sim.server->addFault(same);
    ImportApiClient client(nam);
    Endpoint ep = sim.endpoint();
    ep.token = "key";
    const ProgressResult followed = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"));
    QVERIFY2(!followed.error.isError(), qPrintable(followed.error.summary()));

    SimFaultRule away = fault(QStringLiteral("redirect"), QStringLiteral("/describe"));
    away.redirectTo = elsewhere.url(QStringLiteral("/v2/vectordb/jobs/import/describe")).toString();
    sim.server->clearFaults();
    sim.server->addFault(away);
    ImportApiClient fresh(nam);
    const ProgressResult refused = fetchProgressSync(fresh, ep, QStringLiteral("453240863839750922"));
    QCOMPARE(refused.error.kind, ErrorKind::Network);
    QVERIFY(refused.error.message.contains(elsewhere.server->baseUrl().toString()));
    QCOMPARE(elsewhere.server->requestCount(), 0); // nothing, and so no key, was sent there
    QCOMPARE(elsewhere.server->requestsWithAuthorization(), 0);
}

void TestApiClient::connectionRefusedIsNetwork()
{
    // A port that is ours but not listening: refused every time, and no parallel test can start listening there.
    ReservedPort closed;
    QVERIFY(closed.isValid());
    Endpoint ep;
    ep.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.port()));
    ep.dialect = Dialect::V2;
    ImportApiClient client(nam);
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("1"));
    QVERIFY(r.answered);
    QCOMPARE(r.error.kind, ErrorKind::Network);
    QVERIFY(r.error.retryable);
}

void TestApiClient::lateAnswersAfterCancelAreDropped()
{
    SimFixture sim(scenario());
    sim.server->setLatency(300);
    ImportApiClient client(nam);
    bool called = false;
    client.fetchProgress(sim.endpoint(), QStringLiteral("453240863839750922"), this, [&](const JobProgress &, const ApiError &) { called = true; });
    QCOMPARE(client.requestsInFlight(), 1);
    // The request must have reached the server, so that an answer is really on its way when it is cancelled.
    QVERIFY(waitUntil([&] { return sim.server->requestCount() == 1; }, 10000));
    client.cancelAll();
    QCOMPARE(client.requestsInFlight(), 0);
    // A second request, not cancelled, on the same client and server: once it is answered, the first answer
    // (sent 300 ms after its request, before this one's) has had every chance to arrive.
    const ProgressResult after = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QVERIFY2(!after.error.isError(), qPrintable(after.error.summary()));
    QTest::qWait(100);
    QVERIFY(!called);
    QCOMPARE(client.requestsInFlight(), 0);
}

void TestApiClient::createCommitAndAbortSpeakMilvus()
{
    SimFixture sim(scenario());
    ImportApiClient client(nam);
    CreateRequest req;
    req.collectionName = QStringLiteral("quick_setup");
    req.fileGroups = {QStringList{QStringLiteral("a.parquet")}};
    req.options.insert(QStringLiteral("auto_commit"), QStringLiteral("false"));
    const CreateResult created = createSync(client, sim.endpoint(), req, 10000);
    QVERIFY(created.answered);
    QVERIFY2(!created.error.isError(), qPrintable(created.error.summary()));
    QVERIFY(!created.jobId.isEmpty());
    sim.server->engine().advance(10000);
    QCOMPARE(fetchProgressSync(client, sim.endpoint(), created.jobId).job.state, JobState::Finalizing);
    const DoneResult committed = commitSync(client, sim.endpoint(), created.jobId, 10000);
    QVERIFY(committed.answered);
    QVERIFY2(!committed.error.isError(), qPrintable(committed.error.summary()));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/commit")), 1);
    sim.server->engine().advance(5);
    QCOMPARE(fetchProgressSync(client, sim.endpoint(), created.jobId).job.state, JobState::Completed);

    // Abort: a second two-phase job, stopped while it waits for its commit.
    const CreateResult second = createSync(client, sim.endpoint(), req, 10000);
    QVERIFY2(second.answered && !second.error.isError(), qPrintable(second.error.summary()));
    sim.server->engine().advance(10000);
    QCOMPARE(fetchProgressSync(client, sim.endpoint(), second.jobId).job.state, JobState::Finalizing);
    const DoneResult aborted = abortSync(client, sim.endpoint(), second.jobId, 10000);
    QVERIFY(aborted.answered);
    QVERIFY2(!aborted.error.isError(), qPrintable(aborted.error.summary()));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/abort")), 1);
    sim.server->engine().advance(5);
    const ProgressResult gone = fetchProgressSync(client, sim.endpoint(), second.jobId);
    QVERIFY2(gone.job.state == JobState::Failed || gone.error.kind == ErrorKind::NotFound,
             qPrintable(QStringLiteral("state %1, error %2").arg(int(gone.job.state)).arg(gone.error.summary())));
    QCOMPARE(fetchProgressSync(client, sim.endpoint(), created.jobId).job.state, JobState::Completed); // the other is untouched
}

// The client's real default cap (64 MiB, nothing set): a 65 MiB answer is refused, with a Content-Length by its
// header before the body is read, without one as soon as the cap is passed; the server is cut off early.
void TestApiClient::theDefaultCapRefusesA65MiBBodyUnread_data()
{
    QTest::addColumn<bool>("withContentLength");
    QTest::addColumn<qint64>("bodyBytes");
    QTest::addColumn<qint64>("sentAtMost");
    QTest::newRow("Content-Length: 65 MiB") << true << 65LL * 1024 * 1024 << 32LL * 1024 * 1024;
    QTest::newRow("no length, 300 MiB") << false << 300LL * 1024 * 1024 << 150LL * 1024 * 1024; // 64 MiB read, plus what socket buffers hold (~40 MiB under ASan)
}

void TestApiClient::theDefaultCapRefusesA65MiBBodyUnread()
{
    QFETCH(bool, withContentLength);
    QFETCH(qint64, bodyBytes);
    QFETCH(qint64, sentAtMost);
    RawHttpServer raw;
    raw.setStreamedAnswer(bodyBytes, withContentLength);
    ImportApiClient client(nam);
    QCOMPARE(ImportApiClient::DefaultMaxBodyBytes, 64LL * 1024 * 1024);
    Endpoint ep;
    ep.baseUrl = raw.baseUrl();
    ep.dialect = Dialect::V2;
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("1"), 60000);
    QVERIFY(r.answered);
    QCOMPARE(r.error.kind, ErrorKind::Malformed);
    QVERIFY2(r.error.message.contains(QLatin1String("larger than 64 MiB")), qPrintable(r.error.message));
    QVERIFY(r.error.retryable);
    QCOMPARE(client.requestsInFlight(), 0);
    QVERIFY(waitUntil([&] { return raw.clientClosed(); }, 10000));
    QVERIFY2(raw.bodyBytesSent() < sentAtMost, qPrintable(QString::number(raw.bodyBytesSent())));
    QCOMPARE(raw.requestHeads().size(), 1); // refused, not probed elsewhere
}

// Nothing set: the client's real default deadline (30 s, also the CLI's default --timeout)
// ends an answer that drips one byte a second, which no inactivity timeout would ever end. Takes ~30 s by design:
// the point is the default itself, not a deadline the test chose.
void TestApiClient::theDefaultDeadlineEndsADrippingBody()
{
    QCOMPARE(ImportApiClient::DefaultDeadlineMs, 30000);
    SimFixture sim(scenario());
    SimFaultRule f = fault(QStringLiteral("drip"));
    f.dripMs = 1000;
    sim.server->addFault(f);
    ImportApiClient client(nam);
    Endpoint ep = sim.endpoint();
    ep.dialect = Dialect::V2;
    const ProgressResult r = fetchProgressSync(client, ep, QStringLiteral("453240863839750922"), 90000);
    QVERIFY2(r.answered, "the dripping answer never ended");
    QVERIFY2(r.error.kind == ErrorKind::Timeout, qPrintable(r.error.summary()));
    QVERIFY2(r.error.message.contains(QLatin1String("30 s")), qPrintable(r.error.message));
    QCOMPARE(client.requestsInFlight(), 0);
}

void TestApiClient::largeAnswersAreParsedBelowTheWindow()
{
    // 1,024 files make a describe of well over the 32 KiB that is parsed on the spot: it goes to the parse thread,
    // which must not take a core from the window (SCHED_BATCH, nice +5; QThread priorities do nothing on Linux).
    SimScenario s;
    s.jobs = {timelineJob(QStringLiteral("453240863839750922"), 1024)};
    SimFixture sim(s, SimDialect::Milvus);
    ImportApiClient client(nam);
    const OsThread main = mainOsThread();
    const auto batchThreads = [] {
        int n = 0;
        for (const OsThread &t : osThreads())
            n += t.policy == SCHED_BATCH ? 1 : 0;
        return n;
    };
    const int before = batchThreads();
    const ProgressResult r = fetchProgressSync(client, sim.endpoint(), QStringLiteral("453240863839750922"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
    QCOMPARE(r.job.files.size(), 1024);
    QCOMPARE(mainOsThread().policy, SCHED_OTHER);
    QCOMPARE(mainOsThread().nice, main.nice);
    QCOMPARE(batchThreads(), before + 1);
    for (const OsThread &t : osThreads()) {
        if (t.policy == SCHED_BATCH)
            QCOMPARE(t.nice, main.nice + 5);
    }
}

#endif

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
