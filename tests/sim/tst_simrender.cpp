// The simulator's fast describe answers (SimDescribeRenderer: bytes written directly, rows kept between answers)
// are byte for byte what the QJsonDocument path renders for the same simulated state, in every job state, over
// real HTTP; and the pieces it writes by hand (strings, numbers, times) match QJsonDocument / QDateTime.

#include "SimDescribeRenderer.h"
#include "support/SimFixture.h"

#include <QJsonArray>
#include <QTest>

class TestSimRender : public QObject
{
    Q_OBJECT
    QNetworkAccessManager nam;

    static SimScenario scenario(bool v3);

private Q_SLOTS:
    void stringsAreWrittenAsQJsonDocumentWritesThem_data();
    void stringsAreWrittenAsQJsonDocumentWritesThem();
    void numbersAreWrittenAsQJsonDocumentWritesThem();

    void describeAnswersAreTheReferenceBytesAtEveryMoment_data();
    void describeAnswersAreTheReferenceBytesAtEveryMoment();

    void abortAndCommitChangeTheCachedAnswer_data();
    void abortAndCommitChangeTheCachedAnswer();

    void cloudV1KeepsTheReferencePath();
};

#ifndef Q_MOC_RUN
SimScenario TestSimRender::scenario(bool v3)
{
    SimScenario s;
    s.importV3 = v3;
    s.retentionSeconds = 1e9;
    auto job = [&](const QString &id, int files, double createdAt) {
        SimJob j = timelineJob(id, files);
        j.createdAt = createdAt;
        for (int i = 0; i < j.files.size(); ++i)
            j.files[i].seconds = 5 + 7 * i; // files finish one after another: rows change, some are kept
        return j;
    };
    s.jobs << job(QStringLiteral("100"), 6, 0);                       // the whole timeline from 0
    SimJob late = job(QStringLiteral("101"), 3, 37.25);                // created while the others run
    late.legacyFileNames = true;
    s.jobs << late;
    SimJob failing = job(QStringLiteral("102"), 4, -3.5);
    failing.failAt = 31;
    failing.failFiles = {1, 3};
    failing.failReason = QStringLiteral("JSON row validator: \"vector\" missed at row 0 \\ ü\t→ 𝄞");
    s.jobs << failing;
    SimJob failAll = job(QStringLiteral("103"), 3, 0);
    failAll.failAt = 29; // no failFiles: every file not yet done fails
    failAll.failReason = QStringLiteral("expect 'Float' type for field 'array_float', but got 'list' type");
    s.jobs << failAll;
    SimJob silent = job(QStringLiteral("104"), 2, 0);
    silent.failAt = 22; // a failure without words
    s.jobs << silent;
    SimJob hang = job(QStringLiteral("105"), 2, -10);
    hang.hangPending = true;
    s.jobs << hang;
    SimJob twoPhase = job(QStringLiteral("106"), 2, 0);
    twoPhase.twoPhase = true;
    s.jobs << twoPhase;
    SimJob odd = job(QStringLiteral("107"), 4, 0.125);
    odd.collection = QStringLiteral("coll \"quoted\" ö");
    odd.files[0].paths = QStringList{QStringLiteral("a/\"b\".npy"), QStringLiteral("a/c\\d.npy")};
    odd.files[1].paths = QStringList{QStringLiteral("日本/データ.parquet")};
    odd.files[2].paths = QStringList{QStringLiteral("ctl\x01\x1f.json")};
    odd.files[3].rows = 0;
    odd.files[3].size = 0;
    s.jobs << odd;
    SimJob empty = job(QStringLiteral("108"), 0, 0);
    s.jobs << empty;
    SimJob other = job(QStringLiteral("109"), 2, 0);
    other.db = QStringLiteral("analytics");
    s.jobs << other;
    SimJob big = job(QStringLiteral("110"), 1024, -1.999);
    for (int i = 0; i < big.files.size(); ++i) {
        big.files[i].seconds = 3 + (i * 37) % 40;
        big.files[i].rows = 10000 + i;
    }
    s.jobs << big;
    return s;
}

void TestSimRender::stringsAreWrittenAsQJsonDocumentWritesThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << QStringLiteral("load/17/part-0001.parquet");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
    QTest::newRow("slash") << QStringLiteral("s3://bucket/a/b");
    QTest::newRow("controls") << QString::fromUtf8("\x01\x08\x09\x0a\x0c\x0d\x1f end");
    QTest::newRow("DEL") << QStringLiteral("a\x7f" "b");
    QTest::newRow("Latin-1") << QStringLiteral("Größe é");
    QTest::newRow("CJK") << QStringLiteral("日本語");
    QTest::newRow("astral") << QStringLiteral("𝄞 clef");
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QLatin1Char('x');
    QTest::newRow("line separator") << QString(QChar(0x2028));
}

void TestSimRender::stringsAreWrittenAsQJsonDocumentWritesThem()
{
    QFETCH(QString, text);
    QByteArray mine;
    SimJson::appendString(mine, text);
    const QByteArray qt = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    QCOMPARE(mine, qt.mid(1, qt.size() - 2));
}

void TestSimRender::numbersAreWrittenAsQJsonDocumentWritesThem()
{
    const QList<qint64> values = {0, 1, -1, 9, 10, 99, 100, 31570000, -31570000, 2147483647LL, 2147483648LL,
                                  9007199254740993LL, std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()};
    for (const qint64 v : values) {
        QByteArray mine;
        SimJson::appendInt(mine, v);
        const QByteArray qt = QJsonDocument(QJsonArray{QJsonValue(v)}).toJson(QJsonDocument::Compact);
        QCOMPARE(mine, qt.mid(1, qt.size() - 2));
    }
}

void TestSimRender::describeAnswersAreTheReferenceBytesAtEveryMoment_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("v3");
    QTest::newRow("milvus") << int(SimDialect::Milvus) << false;
    QTest::newRow("milvus, Import V3 states") << int(SimDialect::Milvus) << true;
    QTest::newRow("cloud-v2") << int(SimDialect::CloudV2) << false;
}

void TestSimRender::describeAnswersAreTheReferenceBytesAtEveryMoment()
{
    QFETCH(int, dialect);
    QFETCH(bool, v3);
    const SimScenario sc = scenario(v3);
    SimFixture sim(sc, SimDialect(dialect));
    const bool milvus = SimDialect(dialect) == SimDialect::Milvus;
    const QString path = QStringLiteral("/v2/vectordb/jobs/import/") + (milvus ? QStringLiteral("describe") : QStringLiteral("getProgress"));
    // Moments on both sides of every stage's edge, fractions of a millisecond, and the same moment twice
    // (a kept answer must still be the right one).
    QList<double> moments;
    for (double t = -4; t < 120; t += 1.75)
        moments << t;
    moments << 10 << 10 << 20 << 19.9999 << 20.0001 << 25.0004 << 29 << 31 << 37.25 << 50 << 60 << 60.0005 << 1e6 << 2.5;
    int compared = 0, big = 0;
    for (const double t : moments) {
        sim.server->engine().freezeAt(t);
        for (const SimJob &j : sc.jobs) {
            QJsonObject body{{QStringLiteral("jobId"), j.id}};
            if (!milvus)
                body.insert(QStringLiteral("clusterId"), QStringLiteral("in01-sim"));
            const QList<QPair<QByteArray, QByteArray>> headers = {qMakePair(QByteArray("DB-Name"), j.db.toUtf8())};
            // The fast path first and last: rows kept from the previous moment, then from this one.
            const RawReply fast = sim.post(nam, path, body, milvus ? headers : QList<QPair<QByteArray, QByteArray>>{});
            sim.server->setReferenceRender(true);
            const RawReply reference = sim.post(nam, path, body, milvus ? headers : QList<QPair<QByteArray, QByteArray>>{});
            sim.server->setReferenceRender(false);
            const RawReply again = sim.post(nam, path, body, milvus ? headers : QList<QPair<QByteArray, QByteArray>>{});
            QVERIFY(reference.answered && fast.answered && again.answered);
            if (reference.body != fast.body || reference.body != again.body) {
                qWarning().noquote() << "at" << t << "job" << j.id << "\nreference:" << reference.body.left(600)
                                     << "\nfast:     " << fast.body.left(600);
                QFAIL("the fast describe answer differs from the reference");
            }
            compared += reference.code() == 0 ? 1 : 0;
            big += j.id == QLatin1String("110") && reference.body.size() > 100000 ? 1 : 0;
        }
    }
    // Every job answered (not an error both ways), the 1,024-file job in full.
    QVERIFY2(compared > moments.size() * 6, qPrintable(QString::number(compared)));
    QCOMPARE(big, moments.size() - 2); // all but t = -4 and -2.25, before it was created
}

void TestSimRender::abortAndCommitChangeTheCachedAnswer_data()
{
    QTest::addColumn<QString>("op");
    QTest::newRow("abort while importing") << QStringLiteral("abort");
    QTest::newRow("commit while uncommitted") << QStringLiteral("commit");
}

void TestSimRender::abortAndCommitChangeTheCachedAnswer()
{
    QFETCH(QString, op);
    SimScenario sc;
    sc.retentionSeconds = 1e9;
    SimJob j = timelineJob(QStringLiteral("200"), 3);
    j.twoPhase = true;
    sc.jobs << j;
    SimFixture sim(sc, SimDialect::Milvus);
    const QString base = QStringLiteral("/v2/vectordb/jobs/import/");
    const QJsonObject body{{QStringLiteral("jobId"), j.id}};
    sim.server->engine().freezeAt(op == QLatin1String("abort") ? 25 : 60);
    const RawReply before = sim.post(nam, base + QStringLiteral("describe"), body);
    QCOMPARE(sim.post(nam, base + op, body).code(), 0);
    sim.server->engine().advance(op == QLatin1String("abort") ? 0.001 : 3);
    const RawReply fast = sim.post(nam, base + QStringLiteral("describe"), body);
    sim.server->setReferenceRender(true);
    const RawReply reference = sim.post(nam, base + QStringLiteral("describe"), body);
    QCOMPARE(fast.body, reference.body);
    QVERIFY(fast.body != before.body);
    QCOMPARE(fast.data().value(QLatin1String("state")).toString(),
             op == QLatin1String("abort") ? QStringLiteral("Failed") : QStringLiteral("Completed"));
}

void TestSimRender::cloudV1KeepsTheReferencePath()
{
    QVERIFY(!SimDescribeRenderer::handles(SimDialect::CloudV1));
    QVERIFY(SimDescribeRenderer::handles(SimDialect::Milvus));
    QVERIFY(SimDescribeRenderer::handles(SimDialect::CloudV2));
}
#endif

QTEST_GUILESS_MAIN(TestSimRender)
#include "tst_simrender.moc"
