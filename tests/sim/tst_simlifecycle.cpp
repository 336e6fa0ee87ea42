// What follows an import, as the simulator serves it over HTTP and as CollectionApi reads it: index building
// behind the rows, load state, row count, refresh_load, the database passed, a failed index, servers without the
// endpoints (plain 404), Import V3 state names, Idempotency-Key semantics and the cloud's clusters.

#include "CollectionApi.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

namespace {
const QString kIndexes = QStringLiteral("/v2/vectordb/indexes/describe");
const QString kLoad = QStringLiteral("/v2/vectordb/collections/get_load_state");
const QString kStats = QStringLiteral("/v2/vectordb/collections/get_stats");
const QString kRefresh = QStringLiteral("/v2/vectordb/collections/refresh_load");
const QString kCreate = QStringLiteral("/v2/vectordb/jobs/import/create");

// One job on quick_setup (2,000 rows written at 30 s, completed at 50 s), the index building 50 rows/s behind them;
// the clock stands still unless a test advances it.
SimScenario indexScenario()
{
    SimScenario s;
    s.indexRowsPerSecond = 50;
    s.collections = {QStringLiteral("quick_setup"), QStringLiteral("docs_v2")};
    s.jobs << timelineJob(QStringLiteral("453240863839750922"));
    SimJob other = timelineJob(QStringLiteral("453240863839750923"));
    other.db = QStringLiteral("analytics");
    other.collection = QStringLiteral("sessions");
    s.jobs << other;
    return s;
}

QJsonObject body(const QString &collection, const QString &db = {})
{
    QJsonObject o{{QStringLiteral("collectionName"), collection}};
    if (!db.isEmpty())
        o.insert(QStringLiteral("dbName"), db);
    return o;
}

struct Fetched
{
    CollectionState state;
    ApiError error;
    bool answered = false;
};

Fetched fetch(ImportApiClient &client, const Endpoint &ep, const QString &collection, const QString &db = {})
{
    auto out = std::make_shared<Fetched>();
    QObject ctx;
    CollectionApi::fetchCollection(client, ep, collection, db, &ctx, [out](const CollectionState &c, const ApiError &e) {
        out->state = c;
        out->error = e;
        out->answered = true;
    });
    waitUntil([out] { return out->answered; }, 30000);
    return *out;
}
} // namespace

class TestSimLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theIndexBuildsBehindTheRowsUntilSearchable();
    void theDatabaseIsPassed();
    void aFailedIndexIsReportedWithItsReason();
    void aServerWithoutTheEndpointsAnswersAPlain404AndTheSectionIsAbsent();
    void aCollectionWithoutAnIndexHasAnEmptyKnownList();
    void notLoadedThenRefreshLoad();
    void importV3NamesEveryStep();
    void theSameKeyGivesTheSameJob_data();
    void theSameKeyGivesTheSameJob();
    void clustersAreListedOverEveryPageAndPointAtTheSimulator();
};

#ifndef Q_MOC_RUN
void TestSimLifecycle::theIndexBuildsBehindTheRowsUntilSearchable()
{
    SimFixture sim(indexScenario());
    sim.server->engine().freezeAt(0); // exact times: the fixture's start-up is not counted
    QNetworkAccessManager nam;
    ImportApiClient client(nam);

    sim.server->engine().advance(20); // pre-importing: nothing written yet
    Fetched f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QVERIFY(f.answered);
    QVERIFY2(!f.error.isError(), qPrintable(f.error.summary()));
    QVERIFY(f.state.present);
    QCOMPARE(f.state.indexes.size(), 1);
    QCOMPARE(f.state.indexes[0].totalRows.value_or(-1), 0);
    QCOMPARE(f.state.rowCount.value_or(-1), 0);

    sim.server->engine().advance(20); // 40 s: rows written at 30 s, 500 indexed, the job on its 80 % plateau
    f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QCOMPARE(f.state.indexes[0].state, IndexState::Building);
    QCOMPARE(f.state.indexes[0].serverState, QStringLiteral("InProgress"));
    QCOMPARE(f.state.indexes[0].indexedRows.value_or(-1), 500);
    QCOMPARE(f.state.indexes[0].totalRows.value_or(-1), 2000);
    QCOMPARE(f.state.indexes[0].pendingRows.value_or(-1), 1500);
    QCOMPARE(f.state.indexes[0].fieldName, QStringLiteral("vector"));
    QCOMPARE(f.state.rowCount.value_or(-1), 0); // not visible before the job completes
    QCOMPARE(collectionPhaseText(f.state), QStringLiteral("Building the index — 500 of 2000 rows"));
    QVERIFY(!f.state.indexed());

    sim.server->engine().advance(15); // 55 s: completed, the index still behind
    f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QCOMPARE(f.state.rowCount.value_or(-1), 2000);
    QCOMPARE(f.state.indexes[0].indexedRows.value_or(-1), 1250);
    QCOMPARE(f.state.loadState, LoadState::Loaded);
    QVERIFY(!f.state.searchable());
    QVERIFY(!f.state.settled());

    sim.server->engine().advance(20); // 75 s: every row indexed
    f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QCOMPARE(f.state.indexes[0].state, IndexState::Finished);
    QCOMPARE(f.state.indexes[0].pendingRows.value_or(-1), 0);
    QVERIFY(f.state.indexed());
    QVERIFY(f.state.searchable());
    QVERIFY(f.state.settled());
    const QJsonObject json = collectionToJson(f.state).toObject();
    QCOMPARE(json.value(QLatin1String("searchable")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("loadState")).toString(), QStringLiteral("loaded"));
    QCOMPARE(json.value(QLatin1String("loadProgress")).toDouble(), 100.0);
    QCOMPARE(json.value(QLatin1String("rowCount")).toInt(), 2000);
    QCOMPARE(json.value(QLatin1String("indexes")).toArray().at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("finished"));
}

void TestSimLifecycle::theDatabaseIsPassed()
{
    SimFixture sim(indexScenario());
    sim.server->engine().freezeAt(0); // exact times: the fixture's start-up is not counted
    sim.server->engine().advance(100);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    // sessions lives in analytics: without the database it is not found (code 100), with it it is.
    Fetched f = fetch(client, sim.endpoint(), QStringLiteral("sessions"));
    QCOMPARE(f.error.code.value_or(0), 100);
    f = fetch(client, sim.endpoint(), QStringLiteral("sessions"), QStringLiteral("analytics"));
    QVERIFY2(!f.error.isError(), qPrintable(f.error.summary()));
    QCOMPARE(f.state.rowCount.value_or(-1), 2000);
    QCOMPARE(f.state.dbName, QStringLiteral("analytics"));
    const RawReply raw = sim.post(nam, kStats, body(QStringLiteral("sessions"), QStringLiteral("analytics")));
    QCOMPARE(raw.data().value(QLatin1String("rowCount")).toInt(), 2000);
}

void TestSimLifecycle::aFailedIndexIsReportedWithItsReason()
{
    SimScenario s = indexScenario();
    SimCollectionSpec spec;
    spec.name = QStringLiteral("quick_setup");
    spec.indexFailReason = QStringLiteral("build index failed: knowhere error: out of memory");
    s.collectionSpecs << spec;
    SimFixture sim(s);
    sim.server->engine().freezeAt(0); // exact times: the fixture's start-up is not counted
    sim.server->engine().advance(60);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    const Fetched f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QCOMPARE(f.state.indexes.size(), 1);
    QCOMPARE(f.state.indexes[0].state, IndexState::Failed);
    QCOMPARE(f.state.indexes[0].failReason, spec.indexFailReason);
    QVERIFY(f.state.indexFailed());
    QVERIFY(f.state.settled()); // nothing more will come by itself: stop polling
    QVERIFY(!f.state.searchable());
    QCOMPARE(collectionToJson(f.state).toObject().value(QLatin1String("indexes")).toArray().at(0).toObject()
                 .value(QLatin1String("failReason")).toString(), spec.indexFailReason);
}

void TestSimLifecycle::aServerWithoutTheEndpointsAnswersAPlain404AndTheSectionIsAbsent()
{
    SimScenario s = indexScenario();
    s.collectionEndpoints = false;
    SimFixture sim(s);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    const RawReply raw = sim.post(nam, kIndexes, body(QStringLiteral("quick_setup")));
    QCOMPARE(raw.status, 404);
    QCOMPARE(raw.body, QByteArray("404 page not found"));
    const Fetched f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QVERIFY(f.answered);
    QVERIFY(!f.error.isError()); // not an error: the section is simply absent
    QVERIFY(!f.state.present);
    QVERIFY(collectionToJson(f.state).isNull());
    QCOMPARE(sim.server->requestCount(), 4); // the raw call and three probes, nothing more
}

void TestSimLifecycle::aCollectionWithoutAnIndexHasAnEmptyKnownList()
{
    SimScenario s = indexScenario();
    SimCollectionSpec spec;
    spec.name = QStringLiteral("quick_setup");
    spec.hasIndex = false;
    s.collectionSpecs << spec;
    SimFixture sim(s);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    QCOMPARE(sim.post(nam, kIndexes, body(QStringLiteral("quick_setup"))).code(), 700);
    const Fetched f = fetch(client, sim.endpoint(), QStringLiteral("quick_setup"));
    QVERIFY(!f.error.isError());
    QVERIFY(f.state.present);
    QVERIFY(f.state.indexesKnown);
    QVERIFY(f.state.indexes.isEmpty());
    QVERIFY(!f.state.indexed()); // indexed needs at least one index
}

void TestSimLifecycle::notLoadedThenRefreshLoad()
{
    SimScenario s = indexScenario();
    SimCollectionSpec docs;
    docs.name = QStringLiteral("docs_v2");
    docs.load = false;
    s.collectionSpecs << docs;
    SimFixture sim(s);
    sim.server->engine().freezeAt(0); // exact times: the fixture's start-up is not counted
    QNetworkAccessManager nam;
    RawReply r = sim.post(nam, kLoad, body(QStringLiteral("docs_v2")));
    QCOMPARE(r.data().value(QLatin1String("loadState")).toString(), QStringLiteral("LoadStateNotLoad"));
    QVERIFY(!r.data().contains(QLatin1String("loadProgress")));
    QCOMPARE(sim.post(nam, kRefresh, body(QStringLiteral("docs_v2"))).code(), 101); // not loaded: nothing to refresh

    // A loaded collection: refresh_load makes it load its new segments (Loading for a moment, then Loaded).
    r = sim.post(nam, kRefresh, body(QStringLiteral("quick_setup")));
    QCOMPARE(r.code(), 0);
    sim.server->engine().advance(1);
    r = sim.post(nam, kLoad, body(QStringLiteral("quick_setup")));
    QCOMPARE(r.data().value(QLatin1String("loadState")).toString(), QStringLiteral("LoadStateLoading"));
    QVERIFY(std::abs(r.data().value(QLatin1String("loadProgress")).toInt() - 50) <= 1);
    sim.server->engine().advance(2);
    r = sim.post(nam, kLoad, body(QStringLiteral("quick_setup")));
    QCOMPARE(r.data().value(QLatin1String("loadState")).toString(), QStringLiteral("LoadStateLoaded"));
}

void TestSimLifecycle::importV3NamesEveryStep()
{
    SimScenario s = indexScenario();
    s.importV3 = true;
    SimFixture sim(s);
    sim.server->engine().freezeAt(0); // exact times: the fixture's start-up is not counted
    QNetworkAccessManager nam;
    const QJsonObject job{{QStringLiteral("jobId"), QStringLiteral("453240863839750922")}};
    const QList<QPair<double, QString>> steps = {{5, QStringLiteral("Pending")}, {11, QStringLiteral("PreImporting")},
                                                 {15, QStringLiteral("AssigningIDRange")}, {17, QStringLiteral("Resharding")},
                                                 {19, QStringLiteral("Planning")}, {25, QStringLiteral("Importing")},
                                                 {35, QStringLiteral("IndexBuilding")}, {45, QStringLiteral("IndexBuilding")},
                                                 {55, QStringLiteral("Completed")}};
    double at = 0;
    for (const auto &step : steps) {
        sim.server->engine().advance(step.first - at);
        at = step.first;
        const RawReply r = sim.post(nam, QStringLiteral("/v2/vectordb/jobs/import/describe"), job);
        QCOMPARE(r.data().value(QLatin1String("state")).toString(), step.second);
        if (step.second == QLatin1String("Planning"))
            QCOMPARE(r.data().value(QLatin1String("progress")).toInt(), 45);
        // Every V3 name maps to a phase a user reads, never to "unknown".
        QVERIFY2(jobStateFromServer(step.second) != JobState::Unknown, qPrintable(step.second));
        JobProgress p;
        p.state = jobStateFromServer(step.second);
        p.serverState = step.second;
        p.progress = r.data().value(QLatin1String("progress")).toDouble();
        const JobPhase expected = at < 10 ? JobPhase::Waiting : at < 20 ? JobPhase::Reading : at < 30 ? JobPhase::Importing
                                : at < 50 ? JobPhase::SortingIndexing : JobPhase::Done;
        QCOMPARE(int(jobPhase(p)), int(expected));
    }
}

void TestSimLifecycle::theSameKeyGivesTheSameJob_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("milvus") << int(SimDialect::Milvus);
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2);
}

void TestSimLifecycle::theSameKeyGivesTheSameJob()
{
    QFETCH(int, dialect);
    SimFixture sim(SimScenario{}, SimDialect(dialect));
    QNetworkAccessManager nam;
    QJsonObject create{{QStringLiteral("collectionName"), QStringLiteral("c")},
                       {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("a.parquet")}}},
                       {QStringLiteral("objectUrls"), QJsonArray{QJsonArray{QStringLiteral("s3://b/a.parquet")}}},
                       {QStringLiteral("clusterId"), sim.server->engine().scenario().clusterId}};
    const auto key = [](const QByteArray &k) { return QList<QPair<QByteArray, QByteArray>>{{"Idempotency-Key", k}}; };
    const RawReply a = sim.post(nam, kCreate, create, key("pipeline-step-7"));
    const RawReply b = sim.post(nam, kCreate, create, key("pipeline-step-7"));
    const RawReply c = sim.post(nam, kCreate, create, key("pipeline-step-8"));
    const RawReply none1 = sim.post(nam, kCreate, create);
    const RawReply none2 = sim.post(nam, kCreate, create);
    QCOMPARE(a.code(), 0);
    QCOMPARE(b.data().value(QLatin1String("jobId")).toString(), a.data().value(QLatin1String("jobId")).toString());
    QVERIFY(c.data().value(QLatin1String("jobId")).toString() != a.data().value(QLatin1String("jobId")).toString());
    QVERIFY(none1.data().value(QLatin1String("jobId")).toString() != none2.data().value(QLatin1String("jobId")).toString());
    QCOMPARE(sim.server->engine().createdJobCount(), 4);

    const RawReply bad = sim.post(nam, kCreate, create, key(QByteArray(257, 'k')));
    QCOMPARE(bad.code(), 1100);
    QCOMPARE(sim.post(nam, kCreate, create, key("caf\xc3\xa9")).code(), 1100);
    QCOMPARE(sim.server->engine().createdJobCount(), 4);

    // After about a day the key is forgotten: a new job.
    sim.server->engine().advance(86401);
    const RawReply later = sim.post(nam, kCreate, create, key("pipeline-step-7"));
    QVERIFY(later.data().value(QLatin1String("jobId")).toString() != a.data().value(QLatin1String("jobId")).toString());
}

void TestSimLifecycle::clustersAreListedOverEveryPageAndPointAtTheSimulator()
{
    SimScenario s;
    for (int i = 0; i < 130; ++i)
        s.clusters << SimClusterSpec{QStringLiteral("in01-%1").arg(i, 17, 10, QLatin1Char('0')), QStringLiteral("cluster-%1").arg(i),
                                     QStringLiteral("aws-us-west-2"), i == 7 ? QStringLiteral("ABNORMAL") : QStringLiteral("RUNNING")};
    SimFixture sim(s, SimDialect::CloudV2);
    QNetworkAccessManager nam;
    ImportApiClient client(nam);
    auto out = std::make_shared<QVector<ClusterInfo>>();
    auto done = std::make_shared<bool>(false);
    QObject ctx;
    CollectionApi::listClusters(client, sim.endpoint(), &ctx, [out, done](const QVector<ClusterInfo> &c, const ApiError &e) {
        QVERIFY(!e.isError());
        *out = c;
        *done = true;
    });
    QVERIFY(waitUntil([done] { return *done; }, 30000));
    QCOMPARE(out->size(), 130);
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/clusters")), 2); // 100 + 30
    QCOMPARE(out->at(7).status, QStringLiteral("ABNORMAL"));
    QCOMPARE(QUrl(out->at(0).connectAddress), sim.server->baseUrl());

    auto one = std::make_shared<ClusterInfo>();
    *done = false;
    CollectionApi::describeCluster(client, sim.endpoint(), QStringLiteral("in01-00000000000000042"), &ctx, [one, done](const ClusterInfo &c, const ApiError &e) {
        QVERIFY(!e.isError());
        *one = c;
        *done = true;
    });
    QVERIFY(waitUntil([done] { return *done; }, 30000));
    QCOMPARE(one->clusterName, QStringLiteral("cluster-42"));
    // Milvus has no control plane: the same path is a plain 404 there.
    SimFixture milvus(SimScenario{});
    QCOMPARE(httpCall(nam, "GET", milvus.url(QStringLiteral("/v2/clusters"))).status, 404);
}
#endif

QTEST_GUILESS_MAIN(TestSimLifecycle)
#include "tst_simlifecycle.moc"
