// bulkwatch-sim answers each dialect as protocol.md documents: shapes, errors, quirks, time, limits.

#include "support/SimFixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

class TestSimServer : public QObject
{
    Q_OBJECT
    QNetworkAccessManager nam;

    static SimScenario scenario();
    static QString v2(const char *op) { return QStringLiteral("/v2/vectordb/jobs/import/") + QLatin1String(op); }
    static QJsonObject job(const char *id) { return QJsonObject{{QStringLiteral("jobId"), QLatin1String(id)}}; }

private Q_SLOTS:
    void milvusDescribeLooksLikeARealServer();

    void milvusGetProgressIsTheSameHandlerButGetProgressIsAPlain404();

    void unknownJobIsHttp200WithCode2100();

    void wrongKeyIsRefusedInEachDialectsWords_data();
    void wrongKeyIsRefusedInEachDialectsWords();

    void dbNameHeaderScopesDescribeAndBodyScopesList();

    void milvusListIsUnpagedWithProgressAndReason();

    void cloudListIsPagedAndCapsThePageSize();

    void cloudNeedsAClusterId();

    void cloudV2DescribeHasTopLevelFileNameAndEmptyReason();

    void cloudV1AnswersWithFractionsNullsAndTasks();

    void jobsMoveThroughTheWeightedBands_data();
    void jobsMoveThroughTheWeightedBands();

    void failedJobResetsProgressAndBlamesItsFile();

    void finishedJobsExpireAfterRetention();

    void twoPhaseJobsWaitForCommitOrAbort();

    void abortEndsATwoPhaseJob();

    void createMakesAJobThatProgresses();

    void theSeedReplaysJobIdsAndFaultDraws();

    void createErrorsUseTheServersWords_data();
    void createErrorsUseTheServersWords();

    void jobLimitAndFileLimitAreEnforced();

    void rateLimitAnswersInEachDialectsWay_data();
    void rateLimitAnswersInEachDialectsWay();

    void controlEndpointsAdvanceTimeAndInjectFaults();

    void scenarioFilesAreReadOrRefusedClearly_data();
    void scenarioFilesAreReadOrRefusedClearly();

    void demoScenarioCoversEveryCase();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
SimScenario TestSimServer::scenario()
{
    SimScenario s = basicScenario();
    s.collections = {QStringLiteral("quick_setup"), QStringLiteral("medium_articles")};
    SimJob other = timelineJob(QStringLiteral("453240863839750925"));
    other.db = QStringLiteral("analytics");
    SimJob twoPhase = timelineJob(QStringLiteral("453240863839750926"));
    twoPhase.twoPhase = true;
    twoPhase.createdAt = -1000;
    s.jobs << other << twoPhase;
    return s;
}

void TestSimServer::milvusDescribeLooksLikeARealServer()
{
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    const RawReply r = sim.post(nam, v2("describe"), job("453240863839750922"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.code(), 0);
    const QJsonObject d = r.data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Completed"));
    QCOMPARE(d.value(QLatin1String("progress")).toInt(), 100);
    QVERIFY(d.value(QLatin1String("completeTime")).toString().endsWith(QLatin1String("+08:00")));
    QVERIFY(!d.contains(QLatin1String("reason")));     // omitted when empty
    QVERIFY(!d.contains(QLatin1String("fileName")));   // Milvus has no top-level fileName
    QCOMPARE(d.value(QLatin1String("totalRows")).toInt(), 2000);
    QCOMPARE(d.value(QLatin1String("importedRows")).toInt(), 2000);
    const QJsonObject f = d.value(QLatin1String("details")).toArray().at(0).toObject();
    QCOMPARE(f.value(QLatin1String("fileName")).toString(), QStringLiteral("[part-0.parquet]"));
    QCOMPARE(f.value(QLatin1String("state")).toString(), QStringLiteral("Completed"));
}

void TestSimServer::milvusGetProgressIsTheSameHandlerButGetProgressIsAPlain404()
{
    SimFixture sim(scenario());
    QCOMPARE(sim.post(nam, v2("get_progress"), job("453240863839750922")).data().value(QLatin1String("state")).toString(), QStringLiteral("Completed"));
    const RawReply r = sim.post(nam, v2("getProgress"), job("453240863839750922"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.contentType, QByteArray("text/plain"));
    QCOMPARE(r.body, QByteArray("404 page not found"));
}

void TestSimServer::unknownJobIsHttp200WithCode2100()
{
    SimFixture sim(scenario());
    const RawReply r = sim.post(nam, v2("describe"), job("448761313698322011"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.code(), 2100);
    QCOMPARE(r.json().value(QLatin1String("message")).toString(), QStringLiteral("import job does not exist, jobID=448761313698322011"));
}

void TestSimServer::wrongKeyIsRefusedInEachDialectsWords_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("http");
    QTest::addColumn<int>("code");
    QTest::newRow("milvus") << int(SimDialect::Milvus) << 401 << 1800;
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2) << 200 << 21119;
    QTest::newRow("cloud-v1") << int(SimDialect::CloudV1) << 200 << 80002;
}

void TestSimServer::wrongKeyIsRefusedInEachDialectsWords()
{
    QFETCH(int, dialect);
    QFETCH(int, http);
    QFETCH(int, code);
    SimFixture sim(scenario(), SimDialect(dialect));
    sim.server->setApiKey("right-key");
    RawReply r;
    if (dialect == int(SimDialect::CloudV1)) {
        r = httpCall(nam, "GET", sim.url(QStringLiteral("/v1/vector/collections/import/list")), {}, {{"Authorization", "Bearer wrong"}});
    } else {
        r = sim.post(nam, v2("list"), QJsonObject{{QStringLiteral("clusterId"), QStringLiteral("in01-x")}}, {{"Authorization", "Bearer wrong"}});
    }
    QCOMPARE(r.status, http);
    QCOMPARE(r.code(), code);
    const RawReply good = sim.post(nam, v2("list"), QJsonObject{{QStringLiteral("clusterId"), QStringLiteral("in01-x")}}, {{"Authorization", "Bearer right-key"}});
    if (dialect != int(SimDialect::CloudV1))
        QCOMPARE(good.code(), 0);
}

void TestSimServer::dbNameHeaderScopesDescribeAndBodyScopesList()
{
    SimFixture sim(scenario());
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750925")).code(), 2100);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750925"), {{"DB-Name", "analytics"}}).code(), 0);
    // The body's dbName does not reach describe (that is why RBAC users need the header).
    QJsonObject withBody = job("453240863839750925");
    withBody.insert(QStringLiteral("dbName"), QStringLiteral("analytics"));
    QCOMPARE(sim.post(nam, v2("describe"), withBody).code(), 2100);
    QCOMPARE(sim.post(nam, v2("list"), {}).data().value(QLatin1String("records")).toArray().size(), 4);
    QCOMPARE(sim.post(nam, v2("list"), QJsonObject{{QStringLiteral("dbName"), QStringLiteral("analytics")}}).data().value(QLatin1String("records")).toArray().size(), 1);
}

void TestSimServer::milvusListIsUnpagedWithProgressAndReason()
{
    SimFixture sim(scenario());
    const QJsonObject d = sim.post(nam, v2("list"), {}).data();
    QVERIFY(!d.contains(QLatin1String("count")));
    QVERIFY(!d.contains(QLatin1String("pageSize")));
    const QJsonArray records = d.value(QLatin1String("records")).toArray();
    QJsonObject failed;
    for (const QJsonValue &v : records) {
        QVERIFY(v.toObject().contains(QLatin1String("progress")));
        if (v.toObject().value(QLatin1String("jobId")).toString() == QLatin1String("453240863839750924"))
            failed = v.toObject();
    }
    QCOMPARE(failed.value(QLatin1String("reason")).toString(), QStringLiteral("JSON parse: unexpected EOF"));
    QCOMPARE(failed.value(QLatin1String("progress")).toInt(), 0);
    QCOMPARE(sim.post(nam, v2("list"), QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("nope")}}).data().value(QLatin1String("records")).toArray().size(), 0);
}

void TestSimServer::cloudListIsPagedAndCapsThePageSize()
{
    SimFixture sim(SimScenario::load(250, 1), SimDialect::CloudV2);
    const auto page = [&](int size, int n) {
        return sim.post(nam, v2("list"), QJsonObject{{QStringLiteral("clusterId"), QStringLiteral("in01-x")},
                                                     {QStringLiteral("pageSize"), size}, {QStringLiteral("currentPage"), n}}).data();
    };
    const QJsonObject p1 = page(10, 1);
    QCOMPARE(p1.value(QLatin1String("count")).toInt(), 250);
    QCOMPARE(p1.value(QLatin1String("records")).toArray().size(), 10);
    QVERIFY(!p1.value(QLatin1String("records")).toArray().at(0).toObject().contains(QLatin1String("progress"))); // cloud records may lack progress
    const QJsonObject big = page(500, 3);
    QCOMPARE(big.value(QLatin1String("pageSize")).toInt(), 100);
    QCOMPARE(big.value(QLatin1String("records")).toArray().size(), 50);
    QCOMPARE(page(100, 4).value(QLatin1String("records")).toArray().size(), 0);
}

void TestSimServer::cloudNeedsAClusterId()
{
    SimFixture sim(scenario(), SimDialect::CloudV2);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750922")).code(), 1802);
    QJsonObject withProject = job("453240863839750922");
    withProject.insert(QStringLiteral("projectId"), QStringLiteral("proj-1"));
    withProject.insert(QStringLiteral("regionId"), QStringLiteral("aws-us-west-2"));
    QCOMPARE(sim.post(nam, v2("describe"), withProject).code(), 0);
}

void TestSimServer::cloudV2DescribeHasTopLevelFileNameAndEmptyReason()
{
    SimFixture sim(scenario(), SimDialect::CloudV2);
    QJsonObject body = job("453240863839750922");
    body.insert(QStringLiteral("clusterId"), QStringLiteral("in01-x"));
    for (const char *op : {"describe", "getProgress", "get_progress"}) {
        const QJsonObject d = sim.post(nam, v2(op), body).data();
        QCOMPARE(d.value(QLatin1String("fileName")).toString(), QStringLiteral("part-0.parquet"));
        QVERIFY(d.contains(QLatin1String("reason")));
        QVERIFY(d.value(QLatin1String("completeTime")).toString().endsWith(QLatin1Char('Z')));
    }
}

void TestSimServer::cloudV1AnswersWithFractionsNullsAndTasks()
{
    SimFixture sim(scenario(), SimDialect::CloudV1);
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(25); // the running job is importing rows
    QUrl u = sim.url(QStringLiteral("/v1/vector/collections/import/get"));
    u.setQuery(QStringLiteral("jobId=453240863839750923&clusterId=in01-x"));
    const RawReply r = httpCall(nam, "GET", u);
    QCOMPARE(r.code(), 200);
    const QJsonObject d = r.data();
    const double frac = d.value(QLatin1String("readyPercentage")).toDouble();
    QVERIFY2(frac > 0.4 && frac < 0.7, qPrintable(QString::number(frac)));
    QVERIFY(d.value(QLatin1String("completeTime")).isNull());
    QVERIFY(d.value(QLatin1String("errorMessage")).isNull());
    QVERIFY(!d.contains(QLatin1String("state")));
    QUrl l = sim.url(QStringLiteral("/v1/vector/collections/import/list"));
    l.setQuery(QStringLiteral("clusterId=in01-x&pageSize=10&currentPage=1"));
    const QJsonArray tasks = httpCall(nam, "GET", l).data().value(QLatin1String("tasks")).toArray();
    QCOMPARE(tasks.size(), 4);
    QVERIFY(tasks.at(0).toObject().value(QLatin1String("state")).toString().startsWith(QLatin1String("Import")));
}

void TestSimServer::jobsMoveThroughTheWeightedBands_data()
{
    QTest::addColumn<double>("at");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("minProgress");
    QTest::addColumn<int>("maxProgress");
    QTest::addColumn<QString>("fileState");
    QTest::newRow("pending") << 5.0 << "Pending" << 0 << 0 << "Pending";
    QTest::newRow("pre-import 10-40") << 15.0 << "Importing" << 10 << 40 << "InProgress";
    QTest::newRow("importing rows 40-70") << 25.0 << "Importing" << 40 << 70 << "InProgress";
    QTest::newRow("sorting 70-80, files done") << 35.0 << "Importing" << 70 << 80 << "Completed";
    QTest::newRow("index 80-90") << 45.0 << "Importing" << 80 << 90 << "Completed";
    QTest::newRow("completed") << 55.0 << "Completed" << 100 << 100 << "Completed";
}

void TestSimServer::jobsMoveThroughTheWeightedBands()
{
    QFETCH(double, at);
    QFETCH(QString, state);
    QFETCH(int, minProgress);
    QFETCH(int, maxProgress);
    QFETCH(QString, fileState);
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(at);
    const QJsonObject d = sim.post(nam, v2("describe"), job("453240863839750923")).data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), state);
    const int p = d.value(QLatin1String("progress")).toInt();
    QVERIFY2(p >= minProgress && p <= maxProgress, qPrintable(QString::number(p)));
    QCOMPARE(d.value(QLatin1String("details")).toArray().at(0).toObject().value(QLatin1String("state")).toString(), fileState);
    QCOMPARE(d.value(QLatin1String("completeTime")).toString().isEmpty(), state != QLatin1String("Completed"));
}

void TestSimServer::failedJobResetsProgressAndBlamesItsFile()
{
    SimFixture sim(scenario());
    const QJsonObject d = sim.post(nam, v2("describe"), job("453240863839750924")).data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Failed"));
    QCOMPARE(d.value(QLatin1String("progress")).toInt(), 0);
    QCOMPARE(d.value(QLatin1String("reason")).toString(), QStringLiteral("JSON parse: unexpected EOF"));
    const QJsonArray files = d.value(QLatin1String("details")).toArray();
    QCOMPARE(files.at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("Failed"));
    QVERIFY(!files.at(0).toObject().contains(QLatin1String("reason")));
}

void TestSimServer::finishedJobsExpireAfterRetention()
{
    SimScenario s = scenario();
    s.retentionSeconds = 60;
    SimFixture sim(s);
    sim.server->engine().setSpeed(0);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750922")).code(), 2100); // finished 950 s ago
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750924")).code(), 2100); // failed 75 s ago
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750923")).code(), 0);
    sim.server->engine().advance(50 + 59); // completed at 50 s
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750923")).code(), 0);
    sim.server->engine().advance(2);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750923")).code(), 2100);
}

void TestSimServer::twoPhaseJobsWaitForCommitOrAbort()
{
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    QJsonObject d = sim.post(nam, v2("describe"), job("453240863839750926")).data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Uncommitted"));
    QCOMPARE(d.value(QLatin1String("progress")).toInt(), 99);
    sim.server->engine().advance(100000);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750926")).data().value(QLatin1String("state")).toString(), QStringLiteral("Uncommitted"));
    QCOMPARE(sim.post(nam, v2("commit"), job("453240863839750923")).code(), 2100); // expired long ago: nothing to commit
    QCOMPARE(sim.post(nam, v2("commit"), job("453240863839750926")).code(), 0);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750926")).data().value(QLatin1String("state")).toString(), QStringLiteral("Committing"));
    sim.server->engine().advance(3);
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750926")).data().value(QLatin1String("state")).toString(), QStringLiteral("Completed"));
    QCOMPARE(sim.post(nam, v2("commit"), job("453240863839750926")).code(), 1100);
}

void TestSimServer::abortEndsATwoPhaseJob()
{
    SimFixture sim(scenario());
    QCOMPARE(sim.post(nam, v2("abort"), job("453240863839750926")).code(), 0);
    const QJsonObject d = sim.post(nam, v2("describe"), job("453240863839750926")).data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Failed"));
    QVERIFY(d.value(QLatin1String("reason")).toString().contains(QLatin1String("abort")));
}

void TestSimServer::createMakesAJobThatProgresses()
{
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    const RawReply r = sim.post(nam, v2("create"), QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("quick_setup")},
                                                               {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("a.parquet")}, QJsonArray{QStringLiteral("b.npy"), QStringLiteral("c.npy")}}}});
    QCOMPARE(r.code(), 0);
    const QString id = r.data().value(QLatin1String("jobId")).toString();
    QVERIFY(!id.isEmpty());
    QJsonObject d = sim.post(nam, v2("describe"), QJsonObject{{QStringLiteral("jobId"), id}}).data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Pending"));
    QCOMPARE(d.value(QLatin1String("details")).toArray().size(), 2);
    QCOMPARE(d.value(QLatin1String("details")).toArray().at(1).toObject().value(QLatin1String("fileName")).toString(), QStringLiteral("[b.npy, c.npy]"));
    sim.server->engine().advance(1000);
    d = sim.post(nam, v2("describe"), QJsonObject{{QStringLiteral("jobId"), id}}).data();
    QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("Completed"));
}

void TestSimServer::theSeedReplaysJobIdsAndFaultDraws()
{
    // What a run looks like from outside: the ids create hands out and which requests a 50 % fault hits.
    auto run = [this](quint32 seed) {
        SimFixture sim(scenario());
        sim.server->setSeed(seed);
        sim.server->engine().setSpeed(0);
        SimFaultRule half;
        half.kind = QStringLiteral("status");
        half.status = 503;
        half.path = QStringLiteral("describe");
        half.probability = 0.5;
        sim.server->addFault(half);
        QStringList seen;
        for (int i = 0; i < 3; ++i) {
            const RawReply r = sim.post(nam, v2("create"), QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("quick_setup")},
                                                                       {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("a.parquet")}}}});
            seen << r.data().value(QLatin1String("jobId")).toString();
        }
        QString hits;
        for (int i = 0; i < 24; ++i)
            hits += sim.post(nam, v2("describe"), job("453240863839750922")).status == 503 ? QLatin1Char('x') : QLatin1Char('.');
        seen << hits;
        return seen;
    };
    const QStringList a = run(42);
    QCOMPARE(a.size(), 4);
    for (const QString &id : a.mid(0, 3))
        QVERIFY2(!id.isEmpty(), qPrintable(a.join(QLatin1Char(' '))));
    QVERIFY2(a.at(3).contains(QLatin1Char('x')) && a.at(3).contains(QLatin1Char('.')), qPrintable(a.at(3)));
    QCOMPARE(run(42), a);          // the same seed, the same run
    QVERIFY(run(7) != a);          // another seed, another run
}

void TestSimServer::createErrorsUseTheServersWords_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("bad JSON") << QByteArray("{not json") << 1801 << "json format";
    QTest::newRow("no collection") << QByteArray(R"({"files":[["a.parquet"]]})") << 1802 << "required";
    QTest::newRow("missing collection") << QByteArray(R"({"collectionName":"nope","files":[["a.parquet"]]})") << 100 << "collection not found";
    QTest::newRow("no files") << QByteArray(R"({"collectionName":"quick_setup","files":[]})") << 1802 << "files";
    QTest::newRow("file too large") << QByteArray(R"({"collectionName":"quick_setup","files":[["toolarge.parquet"]]})") << 2100 << "maximum limit";
}

void TestSimServer::createErrorsUseTheServersWords()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, words);
    SimFixture sim(scenario());
    const RawReply r = httpCall(nam, "POST", sim.url(v2("create")), body);
    QCOMPARE(r.code(), code);
    QVERIFY2(r.json().value(QLatin1String("message")).toString().contains(words), r.body.constData());
}

void TestSimServer::jobLimitAndFileLimitAreEnforced()
{
    SimScenario s = scenario();
    s.maxActiveJobs = 1;
    s.maxFilesPerJob = 2;
    SimFixture sim(s);
    const RawReply tooMany = sim.post(nam, v2("create"), QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("quick_setup")},
                                                                     {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("a")}, QJsonArray{QStringLiteral("b")}, QJsonArray{QStringLiteral("c")}}}});
    QCOMPARE(tooMany.code(), 2100);
    const RawReply limit = sim.post(nam, v2("create"), QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("quick_setup")},
                                                                   {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("a")}}}});
    QVERIFY(limit.json().value(QLatin1String("message")).toString().startsWith(QLatin1String("The number of jobs has reached the limit")));
}

void TestSimServer::rateLimitAnswersInEachDialectsWay_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("milvus: code 8") << int(SimDialect::Milvus);
    QTest::newRow("cloud-v2: 429 + Retry-After") << int(SimDialect::CloudV2);
}

void TestSimServer::rateLimitAnswersInEachDialectsWay()
{
    QFETCH(int, dialect);
    const int perSecond = 20;
    SimFixture sim(scenario(), SimDialect(dialect), perSecond);
    // Requests one after another until some are turned away (at most 10 s): how fast they go out depends on the
    // machine, so the limiter is judged by the times this side saw, which bound the server's. Accepted requests
    // k and k+20 reached the server at least 1 s apart, so from the send of k to the answer of k+20 at least 1 s
    // passed; a turned-away request j had 20 accepted ones in the second before it reached the server, each
    // answered after j's send minus 1 s. (The limiter's clock counts whole ms: 2 ms slack.)
    struct Sent { qint64 sent, answered; bool limited; };
    QVector<Sent> log;
    QElapsedTimer clock;
    clock.start();
    int limited = 0;
    // Until one goes out over a second after the first was answered (paced then): by then the first has left the
    // window, so a sliding window has let a 21st through, which a fixed allowance never would.
    const auto slid = [&] { return !log.isEmpty() && log.last().sent >= log.first().answered + 1002; };
    while ((limited < 3 || log.size() < 2 * perSecond || !slid()) && clock.elapsed() < 10000) {
        if (log.size() >= 2 * perSecond)
            QTest::qWait(10);
        const qint64 sent = clock.elapsed();
        const RawReply r = sim.post(nam, v2("list"), QJsonObject{{QStringLiteral("clusterId"), QStringLiteral("in01-x")}});
        QVERIFY(r.answered);
        const bool isLimited = dialect == int(SimDialect::Milvus) ? r.code() == 8 : r.status == 429;
        if (isLimited) {
            ++limited;
            if (dialect != int(SimDialect::Milvus))
                QCOMPARE(r.retryAfter, QByteArray("1"));
        } else {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.code(), 0);
        }
        log.append({sent, clock.elapsed(), isLimited});
    }
    QVector<Sent> accepted;
    for (const Sent &s : log) {
        if (!s.limited)
            accepted << s;
    }
    const QString summary = QStringLiteral("%1 requests in %2 ms, %3 limited").arg(log.size()).arg(clock.elapsed()).arg(limited);
    // The first 20 always pass; some are turned away (only a machine that never sent 21 in any second of the
    // 10 s would see none).
    QVERIFY2(limited >= 1 && accepted.size() >= perSecond, qPrintable(summary));
    QVERIFY2(accepted.size() > perSecond, qPrintable(summary)); // the window slid
    for (int i = 0; i < perSecond; ++i)
        QVERIFY2(!log[i].limited, qPrintable(summary));
    for (int k = 0; k + perSecond < accepted.size(); ++k)
        QVERIFY2(accepted[k + perSecond].answered - accepted[k].sent >= 998,
                 qPrintable(QStringLiteral("%1 accepted between %2 and %3 ms; ").arg(perSecond + 1).arg(accepted[k].sent)
                                .arg(accepted[k + perSecond].answered) + summary));
    for (int i = 0; i < log.size(); ++i) {
        const Sent &j = log[i];
        if (!j.limited)
            continue;
        int before = 0; // one request after the other: those before j in the log reached the server before it
        for (int k = 0; k < i; ++k)
            before += (!log[k].limited && log[k].answered >= j.sent - 1000 - 2) ? 1 : 0;
        QVERIFY2(before >= perSecond, qPrintable(QStringLiteral("turned away at %1 ms after only %2 accepted in the second before; ")
                                                     .arg(j.sent).arg(before) + summary));
    }
    QCOMPARE(sim.server->rateLimitedCount(), limited);
    const QJsonObject stats = httpCall(nam, "GET", sim.url(QStringLiteral("/_sim/stats"))).json();
    QCOMPARE(stats.value(QLatin1String("rateLimited")).toInt(), limited);
    QCOMPARE(stats.value(QLatin1String("total")).toInt(), int(log.size()));
}

void TestSimServer::controlEndpointsAdvanceTimeAndInjectFaults()
{
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    httpCall(nam, "POST", sim.url(QStringLiteral("/_sim/advance")), R"({"seconds": 15})");
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750923")).data().value(QLatin1String("state")).toString(), QStringLiteral("Importing"));
    httpCall(nam, "POST", sim.url(QStringLiteral("/_sim/faults")), R"({"faults":[{"kind":"html5xx","status":502,"count":1}]})");
    const RawReply bad = sim.post(nam, v2("describe"), job("453240863839750923"));
    QCOMPARE(bad.status, 502);
    QVERIFY(bad.body.contains("Bad Gateway"));
    QCOMPARE(sim.post(nam, v2("describe"), job("453240863839750923")).status, 200); // count 1: over
}

void TestSimServer::scenarioFilesAreReadOrRefusedClearly_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("valid") << QByteArray(R"({"jobs":[{"id":"1","collection":"c","files":[{"path":"a.parquet","rows":10,"seconds":5}],"fail":{"atSeconds":3,"reason":"x","files":[0]}}],"faults":[{"kind":"latency","latencyMs":5}]})") << "";
    QTest::newRow("not JSON") << QByteArray("jobs:") << "not a JSON object";
    QTest::newRow("job without files") << QByteArray(R"({"jobs":[{"id":"1"}]})") << "has no files";
    QTest::newRow("zero-second file") << QByteArray(R"({"jobs":[{"id":"1","files":[{"path":"a","seconds":0}]}]})") << "must be > 0";
}

void TestSimServer::scenarioFilesAreReadOrRefusedClearly()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    SimScenario s;
    QString message;
    QCOMPARE(SimScenario::fromJson(json, &s, &message), error.isEmpty());
    QVERIFY2(message.contains(error), qPrintable(message));
    if (error.isEmpty()) {
        QCOMPARE(s.jobs.size(), 1);
        QCOMPARE(s.jobs[0].failReason, QStringLiteral("x"));
        QCOMPARE(s.faults.size(), 1);
    }
}

void TestSimServer::demoScenarioCoversEveryCase()
{
    SimFixture sim(SimScenario::demo());
    const QJsonArray records = sim.post(nam, v2("list"), {}).data().value(QLatin1String("records")).toArray();
    QSet<QString> states;
    for (const QJsonValue &v : records)
        states.insert(v.toObject().value(QLatin1String("state")).toString());
    for (const char *s : {"Pending", "Importing", "Uncommitted", "Completed", "Failed"})
        QVERIFY2(states.contains(QLatin1String(s)), s);
    QVERIFY(records.size() >= 10);
}

#endif

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
