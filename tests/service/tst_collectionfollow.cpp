// The service after the import, against the simulator over HTTP: a completed job's collection followed from the
// plateau to Searchable, one transition per step, and then no more requests; a server without the endpoints is
// asked once and the section stays absent; the database passed; a failed index; Zilliz Cloud's connectAddress.

#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QString kIndexes = QStringLiteral("/v2/vectordb/indexes/describe");
const QString kId = QStringLiteral("453240863839750922");

SimScenario scenario(const QString &db = QStringLiteral("default"))
{
    SimScenario s;
    s.indexRowsPerSecond = 50; // 2,000 rows written at 30 s: indexed at 70 s, 20 s after the job completed
    SimJob j = timelineJob(kId);
    j.db = db;
    s.jobs << j;
    return s;
}

ImportService::Options options()
{
    ImportService::Options o = fastOptions();
    o.collectionIntervalMs = 100;
    return o;
}

// Time measured in the server's own work: the list is asked every 200 ms, so n more lists span n such periods.
void waitForListPolls(SimFixture &sim, int n)
{
    const int before = sim.server->requestCount(QStringLiteral("/jobs/import/list"));
    QTRY_VERIFY_WITH_TIMEOUT(sim.server->requestCount(QStringLiteral("/jobs/import/list")) >= before + n, 20000);
}

QVector<CollectionPhase> phasesOf(const QSignalSpy &spy)
{
    QVector<CollectionPhase> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(2).value<CollectionPhase>();
    return out;
}
} // namespace

class TestCollectionFollow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<CollectionPhase>(); qRegisterMetaType<JobRecord>(); }
    void aCompletedJobIsFollowedToSearchableThenLeftAlone();
    void aServerWithoutTheEndpointsIsAskedOnce();
    void theJobsDatabaseIsUsed();
    void aFailedIndexEndsTheFollow();
    void anIndexDoneBeforeTheJobIsNotSearchableYet();
    void zillizCloudUsesTheClustersOwnEndpoint();
    void refreshLoadAndTheClusterListForTheWindow();
};

#ifndef Q_MOC_RUN
void TestCollectionFollow::aCompletedJobIsFollowedToSearchableThenLeftAlone()
{
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    QSignalSpy steps(&service, &ImportService::collectionTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    const QString key = jobKey(kId);
    // On the plateau (rows written, the job not yet completed) the index is already followed.
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->collection.present, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->collection.searchable(), 20000);
    const JobRecord *r = service.job(key);
    QCOMPARE(r->job.state, JobState::Completed);
    QCOMPARE(r->collection.rowCount.value_or(-1), 2000);
    QCOMPARE(r->collection.loadState, LoadState::Loaded);
    QCOMPARE(phasesOf(steps), (QVector<CollectionPhase>{CollectionPhase::Building, CollectionPhase::Searchable}));
    // Settled: no more collection requests.
    const int asked = sim.server->requestCount(kIndexes);
    waitForListPolls(sim, 5); // long enough for a poll every 100 ms to show
    QCOMPARE(sim.server->requestCount(kIndexes), asked);
    QCOMPARE(sim.server->rateLimitedCount(), 0);
}

void TestCollectionFollow::aServerWithoutTheEndpointsIsAskedOnce()
{
    SimScenario s = scenario();
    s.collectionEndpoints = false;
    s.jobs << timelineJob(QStringLiteral("453240863839750923"));
    s.jobs.last().createdAt = -1000; // completed long ago
    SimFixture sim(s);
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    QSignalSpy steps(&service, &ImportService::collectionTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(jobKey(kId)) ? service.job(jobKey(kId))->job.state : JobState::Unknown, JobState::Completed, 15000);
    waitForListPolls(sim, 5);
    QCOMPARE(sim.server->requestCount(kIndexes), 1); // one probe for the connection, not one per job or per poll
    QVERIFY(!service.job(jobKey(kId))->collection.present);
    QCOMPARE(steps.size(), 0);
    QCOMPARE(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok); // not an error
}

void TestCollectionFollow::theJobsDatabaseIsUsed()
{
    SimFixture sim(scenario(QStringLiteral("analytics")));
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    Connection c = simConnection(sim);
    c.dbName = QStringLiteral("analytics");
    service.saveConnection(c, std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(kId)) && service.job(jobKey(kId))->collection.searchable(), 20000);
    QCOMPARE(service.job(jobKey(kId))->collection.rowCount.value_or(-1), 2000);
    QCOMPARE(service.job(jobKey(kId))->collection.dbName, QStringLiteral("analytics"));
}

void TestCollectionFollow::aFailedIndexEndsTheFollow()
{
    SimScenario s = scenario();
    SimCollectionSpec spec;
    spec.name = QStringLiteral("quick_setup");
    spec.indexFailReason = QStringLiteral("build index failed: knowhere error: out of memory");
    s.collectionSpecs << spec;
    SimFixture sim(s);
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    QSignalSpy steps(&service, &ImportService::collectionTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(kId)) && service.job(jobKey(kId))->collection.indexFailed(), 20000);
    QCOMPARE(service.job(jobKey(kId))->collection.indexes.value(0).failReason, spec.indexFailReason);
    QCOMPARE(phasesOf(steps).value(phasesOf(steps).size() - 1), CollectionPhase::IndexFailed);
    const int asked = sim.server->requestCount(kIndexes);
    waitForListPolls(sim, 5);
    QCOMPARE(sim.server->requestCount(kIndexes), asked);
}

// An index that keeps up with the rows is "finished" on the plateau, while the job still runs and before its rows
// are in the collection's count: the window once called that Searchable (with "0 rows in the collection") and
// stopped following, so a later index failure was never seen. Simulated time is set, not run.
void TestCollectionFollow::anIndexDoneBeforeTheJobIsNotSearchableYet()
{
    SimScenario s = scenario();
    s.indexRowsPerSecond = 100000; // indexed as soon as written (30 s); the job completes at 50 s
    SimFixture sim(s);
    sim.server->engine().freezeAt(40);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    QSignalSpy steps(&service, &ImportService::collectionTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    const QString key = jobKey(kId);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->collection.present, 15000);
    const int asked = sim.server->requestCount(kIndexes);
    QTRY_VERIFY_WITH_TIMEOUT(sim.server->requestCount(kIndexes) >= asked + 3, 15000); // still followed
    const JobRecord *r = service.job(key);
    QCOMPARE(r->job.state, JobState::Running);
    QVERIFY(!r->collection.searchable());
    QVERIFY(!r->collection.indexed());
    QVERIFY(!r->collection.settled());
    QCOMPARE(collectionPhase(r->collection), CollectionPhase::Building);
    QCOMPARE(collectionPhaseText(r->collection), QStringLiteral("Building the index"));
    sim.server->engine().freezeAt(60);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->collection.searchable(), 15000);
    QCOMPARE(service.job(key)->job.state, JobState::Completed);
    QCOMPARE(service.job(key)->collection.rowCount.value_or(-1), 2000);
    QCOMPARE(phasesOf(steps), (QVector<CollectionPhase>{CollectionPhase::Building, CollectionPhase::Searchable}));
}

void TestCollectionFollow::zillizCloudUsesTheClustersOwnEndpoint()
{
    SimScenario s = scenario();
    s.clusterId = QStringLiteral("in01-sim"); // the id simConnection() gives a cloud connection
    s.clusters << SimClusterSpec{s.clusterId, QStringLiteral("prod"), QStringLiteral("aws-us-west-2"), QStringLiteral("RESIZING")};
    SimFixture sim(s, SimDialect::CloudV2);
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(kId)) && service.job(jobKey(kId))->collection.searchable(), 25000);
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/clusters/") + s.clusterId), 1); // learnt once
    QCOMPARE(service.health(QStringLiteral("sim")).clusterStatus, QStringLiteral("RESIZING"));
}
void TestCollectionFollow::refreshLoadAndTheClusterListForTheWindow()
{
    SimScenario s = scenario();
    s.clusterId = QStringLiteral("in01-sim");
    s.clusters << SimClusterSpec{s.clusterId, QStringLiteral("prod"), QStringLiteral("aws-us-west-2"), QStringLiteral("RUNNING")}
               << SimClusterSpec{QStringLiteral("in01-other"), QStringLiteral("staging"), QStringLiteral("aws-us-west-2"), QStringLiteral("FROZEN")};
    SimFixture sim(s, SimDialect::CloudV2);
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    service.setOptions(options());
    service.start();
    const Connection c = simConnection(sim);
    service.saveConnection(c, std::nullopt);

    QVector<ClusterInfo> clusters;
    bool listed = false;
    QObject ctx;
    service.listClusters(c, std::nullopt, &ctx, [&](const QVector<ClusterInfo> &got, const ApiError &e) {
        QVERIFY(!e.isError());
        clusters = got;
        listed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(listed, 10000);
    QCOMPARE(clusters.size(), 2);
    QCOMPARE(clusters[1].status, QStringLiteral("FROZEN"));

    const QString key = jobKey(kId);
    QSignalSpy steps(&service, &ImportService::collectionTransition);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->collection.searchable(), 25000);
    bool refreshed = false;
    ApiError result;
    service.refreshLoad(key, [&](const ApiError &e) { result = e; refreshed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed, 10000);
    QVERIFY2(!result.isError(), qPrintable(result.summary()));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/collections/refresh_load")), 1);
    // It is followed again while it loads its new segments, and ends Searchable.
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->collection.loadState == LoadState::Loading, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->collection.searchable(), 15000);
    QCOMPARE(phasesOf(steps).count(CollectionPhase::Searchable), 1); // ready to search once, not again after the reload
}
#endif

QTEST_GUILESS_MAIN(TestCollectionFollow)
#include "tst_collectionfollow.moc"
