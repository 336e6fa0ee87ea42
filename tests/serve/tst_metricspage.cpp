// The /metrics page of `bulkwatch serve` as a pure function: names, HELP/TYPE, escaping, the state family, the
// bound on finished jobs, and the reading of --keep-finished / --listen and of the request log.

#include "MetricsPage.h"
#include "PromText.h"
#include "RequestTally.h"
#include "ServeOptions.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 12, 2), QTime(12, 0), QTimeZone(0));

JobRecord record(const QString &id, JobState state, double progress = 0, const QString &connection = QStringLiteral("c1"))
{
    JobRecord r;
    r.connectionId = connection;
    r.job.jobId = id;
    r.job.collectionName = QStringLiteral("books");
    r.job.state = state;
    r.job.progress = progress;
    r.firstSeen = kNow.addSecs(-600);
    r.lastChange = kNow.addSecs(-60);
    if (isTerminal(state))
        r.endedAt = kNow.addSecs(-60);
    return r;
}

MetricsPage::ConnectionSample conn(const QString &id = QStringLiteral("c1"), const QString &name = QStringLiteral("prod"))
{
    MetricsPage::ConnectionSample c;
    c.id = id;
    c.name = name;
    c.database = QStringLiteral("default");
    c.up = true;
    c.lastAnswer = kNow.addSecs(-2);
    return c;
}

QStringList lines(const QByteArray &page)
{
    return QString::fromUtf8(page).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList samplesOf(const QByteArray &page, const QString &family)
{
    QStringList out;
    for (const QString &l : lines(page))
        if (l.startsWith(family + QLatin1Char('{')) || l.startsWith(family + QLatin1Char(' ')))
            out << l;
    return out;
}
} // namespace

class TestMetricsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelValuesAreEscapedAsTheFormatSays_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain") << QStringLiteral("books") << QByteArray("books");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArray("a\\\\b");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"") << QByteArray("say \\\"hi\\\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines") << QByteArray("two\\nlines");
        QTest::newRow("all three") << QStringLiteral("\\\"\n") << QByteArray("\\\\\\\"\\n");
        QTest::newRow("utf-8 stays") << QStringLiteral("Bücher") << QStringLiteral("Bücher").toUtf8();
    }
    void labelValuesAreEscapedAsTheFormatSays()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, escaped);
        QCOMPARE(PromText::escapeLabelValue(value), escaped);
        // Through the page: a collection with that name gives exactly that label.
        JobRecord r = record(QStringLiteral("1"), JobState::Running, 50);
        r.job.collectionName = value;
        const QByteArray page = MetricsPage::render({r}, {conn()}, kNow);
        QVERIFY2(page.contains(QByteArray("collection=\"" + escaped + "\"")), page.constData());
        // Every sample stays on one line: nothing the server sends can start a line of its own.
        for (const QString &l : lines(page))
            QVERIFY2(l.startsWith(QLatin1String("# ")) || l.startsWith(QLatin1String("bulkwatch_")), qPrintable(l));
    }

    void helpTextIsEscaped()
    {
        QCOMPARE(PromText::escapeHelp(QStringLiteral("a\\b\nc \"q\"")), QByteArray("a\\\\b\\nc \"q\""));
    }

    void everyFamilyHasHelpAndTypeOnceWithTheNamesRulesUse()
    {
        QVector<JobRecord> jobs;
        for (int i = 0; i < 5; ++i) {
            JobRecord r = record(QString::number(i), JobState::Running, 10 * i);
            r.job.importedRows = 100 * i;
            r.job.totalRows = 1000;
            r.rowsPerSecond = 12.5;
            jobs << r;
        }
        MetricsPage::ConnectionSample c = conn();
        c.requestsByCode = {{QStringLiteral("200"), 7}, {QStringLiteral("429"), 2}};
        c.rateLimited = 2;
        const QByteArray page = MetricsPage::render(jobs, {c}, kNow);
        const QList<QPair<QString, QString>> families = {
            {QStringLiteral("bulkwatch_import_progress_ratio"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_rows_imported"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_rows_total"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_rows_per_second"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_state"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_last_change_timestamp_seconds"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_created_timestamp_seconds"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_import_completed_timestamp_seconds"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_connection_up"), QStringLiteral("gauge")},
            {QStringLiteral("bulkwatch_requests_total"), QStringLiteral("counter")},
            {QStringLiteral("bulkwatch_rate_limited_total"), QStringLiteral("counter")},
            {QStringLiteral("bulkwatch_last_answer_timestamp_seconds"), QStringLiteral("gauge")},
        };
        const QStringList all = lines(page);
        for (const auto &f : families) {
            QCOMPARE(all.filter(QRegularExpression(QStringLiteral("^# TYPE %1 ").arg(f.first))).size(), 1);
            QVERIFY(all.contains(QStringLiteral("# TYPE %1 %2").arg(f.first, f.second)));
            QCOMPARE(all.filter(QRegularExpression(QStringLiteral("^# HELP %1 .+").arg(f.first))).size(), 1);
        }
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_import_progress_ratio")).size(), 5);
        QVERIFY(all.contains(QStringLiteral("bulkwatch_import_progress_ratio{connection=\"prod\",job_id=\"3\",collection=\"books\",database=\"default\"} 0.3")));
        QVERIFY(all.contains(QStringLiteral("bulkwatch_import_rows_imported{connection=\"prod\",job_id=\"2\",collection=\"books\",database=\"default\"} 200")));
        QVERIFY(all.contains(QStringLiteral("bulkwatch_import_rows_per_second{connection=\"prod\",job_id=\"2\",collection=\"books\",database=\"default\"} 12.5")));
        QVERIFY(all.contains(QStringLiteral("bulkwatch_requests_total{connection=\"prod\",code=\"429\"} 2")));
        QVERIFY(all.contains(QStringLiteral("bulkwatch_rate_limited_total{connection=\"prod\"} 2")));
        QVERIFY(all.contains(QStringLiteral("bulkwatch_connection_up{connection=\"prod\"} 1")));
        QVERIFY(all.contains(QStringLiteral("bulkwatch_last_answer_timestamp_seconds{connection=\"prod\"} %1")
                                 .arg(kNow.addSecs(-2).toSecsSinceEpoch())));
        // Nothing but comments and samples, each sample a name, labels and a finite number.
        const QRegularExpression sampleLine(QStringLiteral(R"(^bulkwatch_[a-z_]+(\{[^}]*\})? -?[0-9.e+-]+$)"));
        for (const QString &l : all)
            QVERIFY2(l.startsWith(QLatin1String("# ")) || sampleLine.match(l).hasMatch(), qPrintable(l));
    }

    void theStateFamilyHasOneForTheCurrentStateAndZeroForTheOthers_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<QString>("name");
        QTest::newRow("pending") << int(JobState::Pending) << false << QStringLiteral("pending");
        QTest::newRow("running") << int(JobState::Running) << false << QStringLiteral("running");
        QTest::newRow("finalizing") << int(JobState::Finalizing) << false << QStringLiteral("finalizing");
        QTest::newRow("completed") << int(JobState::Completed) << false << QStringLiteral("completed");
        QTest::newRow("failed") << int(JobState::Failed) << false << QStringLiteral("failed");
        QTest::newRow("cancelled") << int(JobState::Cancelled) << false << QStringLiteral("cancelled");
        QTest::newRow("forgotten by the server") << int(JobState::Completed) << true << QStringLiteral("expired");
        QTest::newRow("unknown") << int(JobState::Unknown) << false << QStringLiteral("unknown");
    }
    void theStateFamilyHasOneForTheCurrentStateAndZeroForTheOthers()
    {
        QFETCH(int, state);
        QFETCH(bool, expired);
        QFETCH(QString, name);
        JobRecord r = record(QStringLiteral("7"), JobState(state));
        r.expired = expired;
        if (expired)
            r.expiredAt = kNow.addSecs(-5);
        const QStringList s = samplesOf(MetricsPage::render({r}, {conn()}, kNow), QStringLiteral("bulkwatch_import_state"));
        QCOMPARE(s.size(), 8);
        for (const QString &st : QStringList{QStringLiteral("pending"), QStringLiteral("running"), QStringLiteral("finalizing"), QStringLiteral("completed"),
                                             QStringLiteral("failed"), QStringLiteral("cancelled"), QStringLiteral("expired"), QStringLiteral("unknown")}) {
            const QString line = QStringLiteral("bulkwatch_import_state{connection=\"prod\",job_id=\"7\",collection=\"books\",database=\"default\",state=\"%1\"} %2")
                                     .arg(st, st == name ? QStringLiteral("1") : QStringLiteral("0"));
            QVERIFY2(s.contains(line), qPrintable(line));
        }
    }

    // The collection after the import: absent until the service follows it (no made-up 0), then the pending rows
    // summed over the indexes, and searchable 1 only once indexed and loaded.
    void collectionSeriesFollowTheIndexAndTheLoad()
    {
        JobRecord r = record(QStringLiteral("9"), JobState::Completed, 100);
        const QString labels = QStringLiteral("{connection=\"prod\",job_id=\"9\",collection=\"books\",database=\"default\"}");
        QVERIFY(samplesOf(MetricsPage::render({r}, {conn()}, kNow), QStringLiteral("bulkwatch_collection_searchable")).isEmpty());
        QVERIFY(samplesOf(MetricsPage::render({r}, {conn()}, kNow), QStringLiteral("bulkwatch_collection_index_pending_rows")).isEmpty());
        r.collection.present = true;
        r.collection.indexesKnown = true;
        IndexStatus a, b;
        a.state = IndexState::Building;
        a.pendingRows = 1500;
        b.state = IndexState::Finished;
        b.pendingRows = 0;
        r.collection.indexes = {a, b};
        r.collection.loadState = LoadState::Loaded;
        QByteArray page = MetricsPage::render({r}, {conn()}, kNow);
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_collection_index_pending_rows")), QStringList{QStringLiteral("bulkwatch_collection_index_pending_rows") + labels + QStringLiteral(" 1500")});
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_collection_searchable")), QStringList{QStringLiteral("bulkwatch_collection_searchable") + labels + QStringLiteral(" 0")});
        r.collection.indexes[0].state = IndexState::Finished;
        r.collection.indexes[0].pendingRows = 0;
        page = MetricsPage::render({r}, {conn()}, kNow);
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_collection_index_pending_rows")), QStringList{QStringLiteral("bulkwatch_collection_index_pending_rows") + labels + QStringLiteral(" 0")});
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_collection_searchable")), QStringList{QStringLiteral("bulkwatch_collection_searchable") + labels + QStringLiteral(" 1")});
    }

    void finishedJobsStayOnlyForKeepFinished_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("endedSecondsAgo");
        QTest::addColumn<qint64>("keep");
        QTest::addColumn<bool>("shown");
        QTest::newRow("failed 23 h ago, keep 24 h") << int(JobState::Failed) << qint64(23 * 3600) << qint64(24 * 3600) << true;
        QTest::newRow("failed 25 h ago, keep 24 h") << int(JobState::Failed) << qint64(25 * 3600) << qint64(24 * 3600) << false;
        QTest::newRow("completed 31 min ago, keep 30 min") << int(JobState::Completed) << qint64(31 * 60) << qint64(30 * 60) << false;
        QTest::newRow("completed 29 min ago, keep 30 min") << int(JobState::Completed) << qint64(29 * 60) << qint64(30 * 60) << true;
        QTest::newRow("running, last moved 3 days ago") << int(JobState::Running) << qint64(3 * 86400) << qint64(60) << true;
        QTest::newRow("pending, keep 0") << int(JobState::Pending) << qint64(10) << qint64(0) << true;
    }
    void finishedJobsStayOnlyForKeepFinished()
    {
        QFETCH(int, state);
        QFETCH(qint64, endedSecondsAgo);
        QFETCH(qint64, keep);
        QFETCH(bool, shown);
        JobRecord r = record(QStringLiteral("9"), JobState(state));
        r.firstSeen = kNow.addSecs(-endedSecondsAgo - 100);
        r.lastChange = kNow.addSecs(-endedSecondsAgo);
        if (isTerminal(r.job.state))
            r.endedAt = kNow.addSecs(-endedSecondsAgo);
        const QByteArray page = MetricsPage::render({r}, {conn()}, kNow, keep);
        QCOMPARE(page.contains("job_id=\"9\""), shown);
        // The families are there either way: a rule never meets a missing metric name.
        QVERIFY(page.contains("# TYPE bulkwatch_import_state gauge"));
    }

    void aLongHistoryGivesABoundedPage()
    {
        // 10,000 jobs finished over the last 100 days, 3 running: the page holds the day's and the running ones.
        QVector<JobRecord> jobs;
        for (int i = 0; i < 10000; ++i) {
            JobRecord r = record(QString::number(1000 + i), JobState::Completed, 100);
            r.endedAt = kNow.addSecs(-qint64(i) * 864);
            jobs << r;
        }
        for (int i = 0; i < 3; ++i)
            jobs << record(QStringLiteral("r%1").arg(i), JobState::Running, 40);
        const QByteArray page = MetricsPage::render(jobs, {conn()}, kNow, 24 * 3600);
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_import_progress_ratio")).size(), 100 + 1 + 3);
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_import_state")).size(), (100 + 1 + 3) * 8);
    }

    void unknownFiguresAreLeftOutNotWrittenAsZeroOrNaN()
    {
        JobRecord r = record(QStringLiteral("5"), JobState::Running, 20);
        r.rowsPerSecond = -1;
        r.lastChange = {};
        const QByteArray page = MetricsPage::render({r}, {conn()}, kNow);
        QVERIFY(samplesOf(page, QStringLiteral("bulkwatch_import_rows_imported")).isEmpty());
        QVERIFY(samplesOf(page, QStringLiteral("bulkwatch_import_rows_total")).isEmpty());
        QVERIFY(samplesOf(page, QStringLiteral("bulkwatch_import_rows_per_second")).isEmpty());
        QVERIFY(samplesOf(page, QStringLiteral("bulkwatch_import_last_change_timestamp_seconds")).isEmpty());
        // A finished job whose end time is unknown (neither the server's nor the one seen) has no completed time.
        JobRecord done = record(QStringLiteral("6"), JobState::Completed, 100);
        done.job.completeTime = {};
        done.endedAt = {};
        const QByteArray donePage = MetricsPage::render({done}, {conn()}, kNow);
        QVERIFY(donePage.contains("job_id=\"6\""));
        QVERIFY2(samplesOf(donePage, QStringLiteral("bulkwatch_import_completed_timestamp_seconds")).isEmpty(), donePage.constData());
        QVERIFY(!page.contains("NaN") && !page.contains("nan") && !page.contains("inf"));
        PromText t;
        t.family("x", "gauge", QStringLiteral("x"));
        t.sample({}, std::numeric_limits<double>::quiet_NaN());
        t.sample({}, std::numeric_limits<double>::infinity());
        QCOMPARE(t.page(), QByteArray("# HELP x x\n# TYPE x gauge\n"));
    }

    void timestampsComeFromTheClockGiven()
    {
        JobRecord r = record(QStringLiteral("3"), JobState::Completed, 40); // the server's last progress figure lags
        r.job.completeTime = QDateTime(QDate(2026, 12, 1), QTime(8, 30, 0, 250), QTimeZone(0));
        r.job.createTime = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone(0));
        r.endedAt = r.job.completeTime;
        const QByteArray page = MetricsPage::render({r}, {conn()}, r.job.completeTime.addSecs(3600));
        QVERIFY(page.contains(QByteArray("bulkwatch_import_completed_timestamp_seconds{connection=\"prod\",job_id=\"3\",collection=\"books\",database=\"default\"} "
                              + QByteArray::number(r.job.completeTime.toSecsSinceEpoch()) + ".25\n")));
        QVERIFY(page.contains(QByteArray("bulkwatch_import_created_timestamp_seconds{connection=\"prod\",job_id=\"3\",collection=\"books\",database=\"default\"} "
                              + QByteArray::number(r.job.createTime.toSecsSinceEpoch()) + '\n')));
        QVERIFY2(page.contains("bulkwatch_import_progress_ratio{connection=\"prod\",job_id=\"3\",collection=\"books\",database=\"default\"} 1\n"),
                 page.constData()); // completed: ratio 1 whatever the last progress figure said
        // The same record a day and a half later (the clock moved, nothing else): gone with the default 24 h.
        QVERIFY(!MetricsPage::render({r}, {conn()}, r.job.completeTime.addSecs(36 * 3600)).contains("job_id=\"3\""));
    }

    void theSameSeriesIsNeverWrittenTwice()
    {
        // Two connections with the same name and the same job id: one series, or Prometheus refuses the page.
        const QByteArray page = MetricsPage::render({record(QStringLiteral("1"), JobState::Running, 5, QStringLiteral("a")),
                                                     record(QStringLiteral("1"), JobState::Running, 6, QStringLiteral("b"))},
                                                    {conn(QStringLiteral("a"), QStringLiteral("same")), conn(QStringLiteral("b"), QStringLiteral("same"))}, kNow);
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_import_progress_ratio")).size(), 1);
        QCOMPARE(samplesOf(page, QStringLiteral("bulkwatch_connection_up")).size(), 1);
    }

    void keepFinishedIsReadStrictly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("30m") << QStringLiteral("30m") << qint64(1800);
        QTest::newRow("24h") << QStringLiteral("24h") << qint64(86400);
        QTest::newRow("2d") << QStringLiteral("2d") << qint64(172800);
        QTest::newRow("90s") << QStringLiteral("90s") << qint64(90);
        QTest::newRow("plain seconds") << QStringLiteral("600") << qint64(600);
        QTest::newRow("upper case") << QStringLiteral("2H") << qint64(7200);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-1h") << qint64(-1);
        QTest::newRow("fraction") << QStringLiteral("1.5h") << qint64(-1);
        QTest::newRow("two units") << QStringLiteral("1h30m") << qint64(-1);
        QTest::newRow("unknown unit") << QStringLiteral("3w") << qint64(-1);
        QTest::newRow("word") << QStringLiteral("day") << qint64(-1);
        QTest::newRow("absurd") << QStringLiteral("99999999d") << qint64(-1);
    }
    void keepFinishedIsReadStrictly()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(ServeOptions::parseDuration(text), seconds);
    }

    void listenAddressesAreReadStrictly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1:9464") << true << QStringLiteral("127.0.0.1") << 9464;
        QTest::newRow("port only means loopback") << QStringLiteral(":9464") << true << QStringLiteral("127.0.0.1") << 9464;
        QTest::newRow("localhost") << QStringLiteral("localhost:1") << true << QStringLiteral("127.0.0.1") << 1;
        QTest::newRow("all interfaces, asked for") << QStringLiteral("0.0.0.0:9464") << true << QStringLiteral("0.0.0.0") << 9464;
        QTest::newRow("ipv6") << QStringLiteral("[::1]:9464") << true << QStringLiteral("::1") << 9464;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QString() << 0;
        QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << false << QString() << 0;
        QTest::newRow("host name") << QStringLiteral("example.com:9464") << false << QString() << 0;
    }
    void listenAddressesAreReadStrictly()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, address);
        QFETCH(int, port);
        QHostAddress a;
        quint16 p = 0;
        QString problem;
        QCOMPARE(ServeOptions::parseListen(text, &a, &p, &problem), ok);
        QCOMPARE(problem.isEmpty(), ok);
        if (ok) {
            QCOMPARE(a.toString(), address);
            QCOMPARE(int(p), port);
        }
    }

    void requestLogLinesAreCountedForTheirConnection()
    {
        RequestTally t;
        t.setConnections({{QStringLiteral("a"), QUrl(QStringLiteral("http://127.0.0.1:1953"))},
                          {QStringLiteral("b"), QUrl(QStringLiteral("http://127.0.0.1:19530/"))},
                          {QStringLiteral("c"), QUrl(QStringLiteral("https://api.cloud.zilliz.com"))}});
        QCOMPARE(t.count(QStringLiteral("POST http://127.0.0.1:19530/v2/vectordb/jobs/import/list -> 200 (3 ms)")), QStringLiteral("b"));
        QCOMPARE(t.count(QStringLiteral("POST http://127.0.0.1:19530/v2/vectordb/jobs/import/list -> 429 (1 ms)")), QStringLiteral("b"));
        QCOMPARE(t.count(QStringLiteral("POST http://127.0.0.1:1953/v2/vectordb/jobs/import/get_progress -> 200 (1 ms)")), QStringLiteral("a"));
        QCOMPARE(t.count(QStringLiteral("GET https://api.cloud.zilliz.com/v1/imports?a=1 -> Connection refused (0 ms)")), QStringLiteral("c"));
        QCOMPARE(t.count(QStringLiteral("POST http://10.0.0.1/v2 -> 200 (1 ms)")), QString());
        QCOMPARE(t.count(QStringLiteral("not a log line")), QString());
        QCOMPARE(t.byCode(QStringLiteral("b")), (QMap<QString, quint64>{{QStringLiteral("200"), 1}, {QStringLiteral("429"), 1}}));
        QCOMPARE(t.byCode(QStringLiteral("a")), (QMap<QString, quint64>{{QStringLiteral("200"), 1}}));
        QCOMPARE(t.byCode(QStringLiteral("c")), (QMap<QString, quint64>{{QStringLiteral("error"), 1}}));
    }
};

QTEST_GUILESS_MAIN(TestMetricsPage)
#include "tst_metricspage.moc"
