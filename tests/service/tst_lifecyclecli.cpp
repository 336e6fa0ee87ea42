// The command line's contract after the import (issue 16), in this process against the simulator over HTTP:
// status --json "collection" (null while not completed or where the server has none of the endpoints), status in
// words, watch --until, create with --idempotency-key and resends after a lost answer, clusters.

#include "CommandLine.h"
#include "support/SimFixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

CliRun runCli(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    CommandLine cli(QStringList{QStringLiteral("bulkwatch")} + args, out, err);
    QSignalSpy done(&cli, &CommandLine::finished);
    cli.start();
    if (done.isEmpty() && !done.wait(60000))
        qWarning("bulkwatch %s did not finish within 60 s", qPrintable(args.join(QLatin1Char(' '))));
    out.flush();
    err.flush();
    r.code = cli.exitCode();
    return r;
}

QSet<QString> keySet(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

const QString kDone = QStringLiteral("453240863839750922");    // completed long ago, indexed, loaded
const QString kRunning = QStringLiteral("453240863839750923"); // starts now

SimScenario scenario()
{
    SimScenario s;
    s.indexRowsPerSecond = 50;
    SimJob done = timelineJob(kDone);
    done.createdAt = -1000;
    s.jobs << done;
    s.jobs << timelineJob(kRunning);
    s.jobs.last().collection = QStringLiteral("fresh");
    return s;
}

QStringList at(const SimFixture &sim, const QStringList &args)
{
    QStringList a = args + QStringList{QStringLiteral("--endpoint"), sim.server->baseUrl().toString()};
    if (sim.server->dialect() == SimDialect::CloudV2)
        a << QStringLiteral("--cluster") << sim.server->engine().scenario().clusterId;
    return a;
}
} // namespace

class TestLifecycleCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusJsonHasTheCollectionAsSpecified_data();
    void statusJsonHasTheCollectionAsSpecified();
    void statusInWords();
    void watchUntil_data();
    void watchUntil();
    void createWithAKeyNeverImportsTwice();
    void clustersJson();
};

#ifndef Q_MOC_RUN
void TestLifecycleCli::statusJsonHasTheCollectionAsSpecified_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("milvus") << int(SimDialect::Milvus);
    QTest::newRow("cloud-v2 (the cluster's connectAddress)") << int(SimDialect::CloudV2);
}

void TestLifecycleCli::statusJsonHasTheCollectionAsSpecified()
{
    QFETCH(int, dialect);
    SimFixture sim(scenario(), SimDialect(dialect));
    CliRun r = runCli(at(sim, {QStringLiteral("status"), QStringLiteral("--job"), kDone, QStringLiteral("--json")}));
    QCOMPARE(r.code, 0);
    const QJsonObject c = r.json().value(QLatin1String("collection")).toObject();
    QCOMPARE(keySet(c),
             (QSet<QString>{QStringLiteral("name"), QStringLiteral("rowCount"), QStringLiteral("loadState"), QStringLiteral("loadProgress"),
                            QStringLiteral("indexes"), QStringLiteral("indexed"), QStringLiteral("searchable")}));
    QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("quick_setup"));
    QCOMPARE(c.value(QLatin1String("rowCount")).toInt(), 2000);
    QCOMPARE(c.value(QLatin1String("loadState")).toString(), QStringLiteral("loaded"));
    QCOMPARE(c.value(QLatin1String("loadProgress")).toDouble(), 100.0);
    QCOMPARE(c.value(QLatin1String("indexed")).toBool(), true);
    QCOMPARE(c.value(QLatin1String("searchable")).toBool(), true);
    const QJsonObject ix = c.value(QLatin1String("indexes")).toArray().at(0).toObject();
    QCOMPARE(keySet(ix),
             (QSet<QString>{QStringLiteral("fieldName"), QStringLiteral("indexName"), QStringLiteral("state"), QStringLiteral("serverState"),
                            QStringLiteral("indexedRows"), QStringLiteral("totalRows"), QStringLiteral("pendingRows"), QStringLiteral("failReason")}));
    QCOMPARE(ix.value(QLatin1String("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(ix.value(QLatin1String("serverState")).toString(), QStringLiteral("Finished"));
    QCOMPARE(ix.value(QLatin1String("pendingRows")).toInt(), 0);

    // Not completed: null, and no collection request at all.
    sim.server->resetStats();
    r = runCli(at(sim, {QStringLiteral("status"), QStringLiteral("--job"), kRunning, QStringLiteral("--json")}));
    QCOMPARE(r.code, 0);
    QVERIFY(r.json().contains(QLatin1String("collection")));
    QVERIFY(r.json().value(QLatin1String("collection")).isNull());
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/indexes")), 0);
}

void TestLifecycleCli::statusInWords()
{
    SimScenario s = scenario();
    SimCollectionSpec notLoaded;
    notLoaded.name = QStringLiteral("quick_setup");
    notLoaded.load = false;
    s.collectionSpecs << notLoaded;
    SimFixture sim(s);
    CliRun r = runCli(at(sim, {QStringLiteral("status"), QStringLiteral("--job"), kDone}));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Indexed, not loaded — load the collection to search it")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Index vector on vector: finished, %1 of %1 rows indexed").arg(QLocale().toString(2000))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Rows:      %1").arg(QLocale().toString(2000))), qPrintable(r.out));

    // A server without the endpoints: the job as before, no collection section, exit 0.
    SimScenario old = scenario();
    old.collectionEndpoints = false;
    SimFixture oldSim(old);
    r = runCli(at(oldSim, {QStringLiteral("status"), QStringLiteral("--job"), kDone, QStringLiteral("--json")}));
    QCOMPARE(r.code, 0);
    QVERIFY(r.json().value(QLatin1String("collection")).isNull());
}

void TestLifecycleCli::watchUntil_data()
{
    QTest::addColumn<QString>("until");
    QTest::addColumn<bool>("loaded");
    QTest::addColumn<QString>("indexFail");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("lastLine");
    QTest::newRow("searchable") << QStringLiteral("searchable") << true << QString() << 0 << QStringLiteral("fresh: Searchable");
    QTest::newRow("indexed, not loaded") << QStringLiteral("indexed") << false << QString() << 0
                                         << QStringLiteral("fresh: Indexed, not loaded — load the collection to search it");
    QTest::newRow("the index fails") << QStringLiteral("searchable") << true << QStringLiteral("out of memory") << 1
                                     << QStringLiteral("fresh: Index build failed");
    QTest::newRow("Searchable, as typed") << QStringLiteral(" Searchable") << true << QString() << 0 << QStringLiteral("fresh: Searchable");
    QTest::newRow("completed (default)") << QStringLiteral("completed") << true << QString() << 0 << QString();
}

void TestLifecycleCli::watchUntil()
{
    QFETCH(QString, until);
    QFETCH(bool, loaded);
    QFETCH(QString, indexFail);
    QFETCH(int, code);
    QFETCH(QString, lastLine);
    SimScenario s = scenario();
    SimCollectionSpec spec;
    spec.name = QStringLiteral("fresh");
    spec.load = loaded;
    spec.indexFailReason = indexFail;
    s.collectionSpecs << spec;
    SimFixture sim(s);
    sim.server->engine().setSpeed(20);
    const CliRun r = runCli(at(sim, {QStringLiteral("watch"), QStringLiteral("--job"), kRunning, QStringLiteral("--interval"),
                                     QStringLiteral("0.1"), QStringLiteral("--until"), until}));
    QCOMPARE(r.code, code);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!lastLine.isEmpty())
        QCOMPARE(lines.value(lines.size() - 1), lastLine);
    QCOMPARE(runCli(at(sim, {QStringLiteral("watch"), QStringLiteral("--job"), kRunning, QStringLiteral("--until"), QStringLiteral("loaded")})).code, 2);
}

void TestLifecycleCli::createWithAKeyNeverImportsTwice()
{
    SimFixture sim(SimScenario{});
    const QStringList create = {QStringLiteral("create"), QStringLiteral("--collection"), QStringLiteral("c"), QStringLiteral("--file"),
                                QStringLiteral("a.parquet"), QStringLiteral("--json")};
    // A re-run pipeline step with the same key: the first job again.
    CliRun a = runCli(at(sim, create + QStringList{QStringLiteral("--idempotency-key"), QStringLiteral("nightly-2026-12-02")}));
    CliRun b = runCli(at(sim, create + QStringList{QStringLiteral("--idempotency-key"), QStringLiteral("nightly-2026-12-02")}));
    QCOMPARE(a.code, 0);
    QCOMPARE(b.json().value(QLatin1String("jobId")), a.json().value(QLatin1String("jobId")));
    QCOMPARE(a.json().value(QLatin1String("idempotencyKey")).toString(), QStringLiteral("nightly-2026-12-02"));
    QCOMPARE(sim.server->engine().createdJobCount(), 1);

    // The answer lost twice (the job made the first time): resent with the same key, one job.
    SimFaultRule drop;
    drop.kind = QStringLiteral("drop");
    drop.path = QStringLiteral("/jobs/import/create");
    drop.remaining = 2;
    sim.server->addFault(drop);
    sim.server->resetStats();
    const CliRun c = runCli(at(sim, create));
    QCOMPARE(c.code, 0);
    QCOMPARE(sim.server->requestCount(QStringLiteral("/jobs/import/create")), 3);
    QCOMPARE(sim.server->engine().createdJobCount(), 2);
    QVERIFY(c.json().value(QLatin1String("idempotencyKey")).toString().startsWith(QLatin1String("bw-")));

    QCOMPARE(runCli(at(sim, create + QStringList{QStringLiteral("--idempotency-key"), QStringLiteral("has space")})).code, 2);
}

void TestLifecycleCli::clustersJson()
{
    SimScenario s;
    s.clusters << SimClusterSpec{QStringLiteral("in01-aaaaaaaaaaaaaaaa"), QStringLiteral("prod"), QStringLiteral("aws-us-west-2"), QStringLiteral("RUNNING")}
               << SimClusterSpec{QStringLiteral("in01-bbbbbbbbbbbbbbbb"), QStringLiteral("staging"), QStringLiteral("gcp-us-west1"), QStringLiteral("FROZEN")};
    SimFixture sim(s, SimDialect::CloudV2);
    const CliRun r = runCli({QStringLiteral("clusters"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString(), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray list = r.json().value(QLatin1String("clusters")).toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject second = list.at(1).toObject();
    QCOMPARE(keySet(second),
             (QSet<QString>{QStringLiteral("clusterId"), QStringLiteral("clusterName"), QStringLiteral("regionId"), QStringLiteral("status"),
                            QStringLiteral("connectAddress")}));
    QCOMPARE(second.value(QLatin1String("status")).toString(), QStringLiteral("FROZEN"));
    QCOMPARE(QUrl(second.value(QLatin1String("connectAddress")).toString()), sim.server->baseUrl());
    // In words: a header, and each column starts where its header does.
    const CliRun words = runCli({QStringLiteral("clusters"), QStringLiteral("--endpoint"), sim.server->baseUrl().toString()});
    QCOMPARE(words.code, 0);
    const QStringList lines = words.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith(QLatin1String("CLUSTER ID")), qPrintable(lines[0]));
    const qsizetype statusAt = lines[0].indexOf(QLatin1String("STATUS"));
    QCOMPARE(lines[1].indexOf(QLatin1String("RUNNING")), statusAt);
    QCOMPARE(lines[2].indexOf(QLatin1String("FROZEN")), statusAt);
    // A Milvus server has no clusters: the command says what it is for (a usage error), not "is it Milvus?".
    SimFixture milvus(SimScenario(), SimDialect::Milvus);
    const CliRun m = runCli({QStringLiteral("clusters"), QStringLiteral("--endpoint"), milvus.server->baseUrl().toString()});
    QCOMPARE(m.code, 2);
    QVERIFY2(m.err.contains(QLatin1String("clusters lists Zilliz Cloud clusters")), qPrintable(m.err));
}
#endif

QTEST_GUILESS_MAIN(TestLifecycleCli)
#include "tst_lifecyclecli.moc"
