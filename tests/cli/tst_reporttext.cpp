// What people read about files and sizes: the plain names in Milvus' file entries (FileLabel), human units for
// raw byte counts, and the support report (connection, partition, duration, each reason once). Pure functions
// over typed values: no server needed.

#include "FileLabel.h"
#include "JobFormatter.h"
#include "JobReport.h"

#include <QTest>
#include <QTimeZone>

class TestReportText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileEntriesShowTheirNames_data();
    void fileEntriesShowTheirNames();

    void byteCountsGetUnits_data();
    void byteCountsGetUnits();

    void sizesInTextGetUnits_data();
    void sizesInTextGetUnits();

    void supportReportNamesTheConnectionPartitionAndDuration();

    void supportReportSaysTheJobsReasonOnce();
    void statusTextOfAFailedJobSaysNothingWasKept();

    void supportReportOfAJobFirstSeenFinishedHasNoMadeUpDuration();
    void supportReportsFailedFileKeptNothingAndNamesTheReasonsFiles();
};

#ifndef Q_MOC_RUN
namespace {
QDateTime utc(int h, int m, int s)
{
    return QDateTime(QDate(2026, 11, 28), QTime(h, m, s), QTimeZone(0));
}

JobRecord failedRecord()
{
    JobRecord r;
    r.connectionId = QStringLiteral("c1");
    r.job.jobId = QStringLiteral("453240863839750924");
    r.job.collectionName = QStringLiteral("quick_setup");
    r.job.state = JobState::Failed;
    r.job.serverState = QStringLiteral("Failed");
    r.job.importedRows = 100000;
    r.job.totalRows = 150000;
    r.job.fileSize = 473550000;
    r.job.createTime = utc(10, 0, 0);
    r.job.completeTime = utc(10, 2, 40);
    r.job.reason = QStringLiteral("failed to parse row, error: invalid character '\"' after array element: importing data failed");
    r.firstSeen = utc(10, 0, 5);
    r.lastAnswer = utc(10, 3, 0);
    r.endedAt = r.job.completeTime;
    FileProgress a;
    a.fileName = QStringLiteral("[folder/2/articles-part1.json]");
    a.state = FileState::Running;
    a.serverState = QStringLiteral("InProgress");
    a.progress = 48;
    a.fileSize = 236775000;
    FileProgress b = a;
    b.fileName = QStringLiteral("[folder/2/articles-part2.json]");
    b.state = FileState::Failed;
    b.serverState = QStringLiteral("Failed");
    b.reason = r.job.reason;
    FileProgress c = b;
    c.fileName = QStringLiteral("id:461643605473513461 paths:\"numpy-9e/int_scalar.npy\" paths:\"numpy-9e/geo.npy\" ");
    c.reason = QStringLiteral("expected element type 'Geometry' for field 'geo'");
    r.job.files = {a, b, c};
    return r;
}

Connection prod()
{
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Prod Milvus");
    c.baseUrl = QUrl(QStringLiteral("http://milvus.internal:19530"));
    c.dbName = QStringLiteral("analytics");
    return c;
}
} // namespace

void TestReportText::fileEntriesShowTheirNames_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("taskId");
    QTest::newRow("[file]") << "[5.parquet]" << QStringList{QStringLiteral("5.parquet")} << "";
    QTest::newRow("[dir/file]") << "[events/2026-11-27/part-0.parquet]" << QStringList{QStringLiteral("events/2026-11-27/part-0.parquet")} << "";
    QTest::newRow("JSON array") << R"(["a.parquet","b.parquet"])" << QStringList{QStringLiteral("a.parquet"), QStringLiteral("b.parquet")} << "";
    QTest::newRow("[a, b] (comma)") << "[x/a.npy, x/b.npy]" << QStringList{QStringLiteral("x/a.npy"), QStringLiteral("x/b.npy")} << "";
    QTest::newRow("[a b] (Go's slice)") << "[x/a.npy x/b.npy]" << QStringList{QStringLiteral("x/a.npy"), QStringLiteral("x/b.npy")} << "";
    QTest::newRow("[one name with a space]") << "[my data.parquet]" << QStringList{QStringLiteral("my data.parquet")} << "";
    QTest::newRow("legacy id + paths, trailing space")
        << "id:461643605473513461 paths:\"numpy-9e/int_scalar.npy\" paths:\"numpy-9e/geo.npy\" "
        << QStringList{QStringLiteral("numpy-9e/int_scalar.npy"), QStringLiteral("numpy-9e/geo.npy")} << "461643605473513461";
    QTest::newRow("legacy, escaped quote") << R"(id:7 paths:"a\"b.npy")" << QStringList{QStringLiteral("a\"b.npy")} << "7";
    QTest::newRow("plain name (cloud)") << "medium_articles_2020_dpr.json" << QStringList{QStringLiteral("medium_articles_2020_dpr.json")} << "";
    QTest::newRow("folder (cloud v1)") << "folder/1/" << QStringList{QStringLiteral("folder/1/")} << "";
    QTest::newRow("empty brackets") << "[]" << QStringList{QStringLiteral("[]")} << "";
    QTest::newRow("empty") << "" << QStringList{QString()} << "";
}

void TestReportText::fileEntriesShowTheirNames()
{
    QFETCH(QString, raw);
    QFETCH(QStringList, paths);
    QFETCH(QString, taskId);
    const FileLabel::Entry e = FileLabel::parse(raw);
    QCOMPARE(e.paths, paths);
    QCOMPARE(e.taskId, taskId);
    QCOMPARE(FileLabel::label(raw), paths.join(QStringLiteral(", ")));
}

void TestReportText::byteCountsGetUnits_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("size");
    QTest::newRow("473550000") << qint64(473550000) << "451.6 MiB (473,550,000 bytes)" << "451.6 MiB";
    QTest::newRow("16 GiB exactly") << qint64(17179869184) << "16 GiB (17,179,869,184 bytes)" << "16 GiB";
    QTest::newRow("16 GiB + 1 byte") << qint64(17179869185) << "just over 16 GiB (17,179,869,185 bytes)" << "just over 16 GiB";
    QTest::newRow("1 KiB") << qint64(1024) << "1 KiB (1,024 bytes)" << "1 KiB";
    QTest::newRow("1023") << qint64(1023) << "1023 bytes" << "1023 bytes";
    QTest::newRow("0") << qint64(0) << "0 bytes" << "0 bytes";
    QTest::newRow("3,157,000") << qint64(3157000) << "just over 3 MiB (3,157,000 bytes)" << "just over 3 MiB";
}

void TestReportText::byteCountsGetUnits()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QFETCH(QString, size);
    QCOMPARE(FileLabel::binarySize(bytes), size);
    QCOMPARE(FileLabel::bytesText(bytes), text);
}

void TestReportText::sizesInTextGetUnits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("Milvus' refusal") << "The import file size has reached the maximum limit allowed for importing, fileSize=17179869185, maxSize=17179869184"
        << "The import file size has reached the maximum limit allowed for importing, fileSize=17179869185 (just over 16 GiB), maxSize=17179869184 (16 GiB)";
    QTest::newRow("N bytes") << "the file is 473550000 bytes long" << "the file is 451.6 MiB (473,550,000 bytes) long";
    QTest::newRow("small numbers stay") << "fileSize=100, row 2000 of 30000" << "fileSize=100, row 2000 of 30000";
    QTest::newRow("ids are not sizes") << "import job does not exist, jobID=448761313698322011" << "import job does not exist, jobID=448761313698322011";
    QTest::newRow("already with units") << "maxSize=17179869184 (16 GiB)" << "maxSize=17179869184 (16 GiB)";
}

void TestReportText::sizesInTextGetUnits()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(FileLabel::withSizeUnits(text), shown);
}

void TestReportText::supportReportNamesTheConnectionPartitionAndDuration()
{
    JobRecord r = failedRecord();
    r.createParams = QJsonObject{{QStringLiteral("partitionName"), QStringLiteral("p2026")}};
    const Connection c = prod();
    const QString report = JobReport::supportReport(r, &c);
    for (const char *line : {"Connection: Prod Milvus\n", "Endpoint: http://milvus.internal:19530\n", "Database: analytics\n",
                             "Partition: p2026\n", "Duration: 2 min 40 s (from creation to the end)\n",
                             "Size: 451.6 MiB (473,550,000 bytes)\n"})
        QVERIFY2(report.contains(QLatin1String(line)), qPrintable(QStringLiteral("'%1' not in:\n%2").arg(QLatin1String(line), report)));
    // A failed job left nothing in the collection: no "Progress 0 %" beside rows that look half imported.
    QVERIFY2(report.contains(QLatin1String("Rows: none imported (a failed import leaves nothing in the collection); 100,000 / 150,000 had been read\n")), qPrintable(report));
    QVERIFY2(!report.contains(QLatin1String("Progress:")), qPrintable(report));
    // A job created elsewhere: the servers do not say its partition, and the report does not pretend.
    r.createParams = {};
    QVERIFY(JobReport::supportReport(r, &c).contains(QLatin1String("Partition: (not reported by the server)\n")));
}

void TestReportText::supportReportSaysTheJobsReasonOnce()
{
    const JobRecord r = failedRecord();
    const Connection c = prod();
    const QString report = JobReport::supportReport(r, &c);
    QCOMPARE(report.count(r.job.reason), 1);
    QVERIFY2(report.contains(QStringLiteral("Failure reason: ") + r.job.reason + QLatin1Char('\n')), qPrintable(report));
    const QString files = report.mid(report.indexOf(QLatin1String("Files (3):\n")));
    // Plain names; the file that failed for the job's reason points to it; another reason is shown under its file.
    QVERIFY2(files.contains(QLatin1String("  - folder/2/articles-part1.json | not imported (the job failed) (server: InProgress) | server's progress 48 % | rows none kept")), qPrintable(files));
    QVERIFY2(files.contains(QStringLiteral("  - folder/2/articles-part2.json | failed (server: Failed) | server's progress 48 % | rows none kept | 225.8 MiB | the reason above\n")), qPrintable(files));
    QVERIFY2(files.contains(QLatin1String("  - numpy-9e/int_scalar.npy, numpy-9e/geo.npy (task 461643605473513461) | failed")), qPrintable(files));
    QVERIFY2(files.contains(QLatin1String("    reason: expected element type 'Geometry' for field 'geo'\n")), qPrintable(files));
    QVERIFY2(!files.contains(QLatin1Char('[')) && !files.contains(QLatin1String("paths:")), qPrintable(files));
}

void TestReportText::supportReportsFailedFileKeptNothingAndNamesTheReasonsFiles()
{
    JobRecord r = failedRecord();
    r.job.files[1].importedRows = 70000;
    r.job.files[1].totalRows = 200000;
    r.job.files[1].progress = 35;
    r.job.reason = QStringLiteral("importing data failed, file: id:461643605473513461 paths:\"numpy-9e/int_scalar.npy\" paths:\"numpy-9e/geo.npy\"");
    const Connection c = prod();
    const QString report = JobReport::supportReport(r, &c);
    // No "| 35 % | rows 70,000 / 200,000 |" as if those rows were in the collection.
    QVERIFY2(report.contains(QLatin1String("| server's progress 35 % | rows none kept (70,000 / 200,000 read) |")), qPrintable(report));
    QVERIFY2(!report.contains(QLatin1String("| 35 % |")), qPrintable(report));
    // The reason names the files; the server's own text is kept once for support.
    QVERIFY2(report.contains(QLatin1String("Failure reason: importing data failed, file: numpy-9e/int_scalar.npy, numpy-9e/geo.npy\n")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("Reason as sent: ") + r.job.reason + QLatin1Char('\n')), qPrintable(report));
}

void TestReportText::supportReportOfAJobFirstSeenFinishedHasNoMadeUpDuration()
{
    JobRecord r = failedRecord();
    r.job.state = JobState::Completed;
    r.job.serverState = QStringLiteral("Completed");
    r.job.reason.clear();
    r.job.files.clear();
    r.job.createTime = {};
    r.firstSeen = utc(12, 0, 0); // after it completed (10:02:40)
    const QString report = JobReport::supportReport(r, nullptr);
    QVERIFY2(report.contains(QStringLiteral("Duration: — (no start time known)\n")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Progress: 100 %\n")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Reason: (none given)\n")), qPrintable(report));
    // Seen while it ran: from first seen to the end.
    r.firstSeen = utc(10, 1, 0);
    QVERIFY2(JobReport::supportReport(r, nullptr).contains(QLatin1String("Duration: 1 min 40 s (from first seen to the end)\n")), qPrintable(report));
}
void TestReportText::statusTextOfAFailedJobSaysNothingWasKept()
{
    // `bulkwatch status` of a failed job: its rows are not in the collection, and no file is still "importing 48 %".
    const QString text = JobFormatter::toText(failedRecord().job);
    QVERIFY2(text.contains(QLatin1String("none imported (a failed import leaves nothing in the collection); 100,000 / 150,000 had been read")), qPrintable(text));
    const QString files = text.mid(text.indexOf(QLatin1String("Files (")));
    QVERIFY2(files.contains(QLatin1String("notKept")), qPrintable(files));
    QVERIFY2(files.contains(QStringLiteral("  notKept    —         —")), qPrintable(files));
    QVERIFY2(!files.contains(QLatin1String("running")), qPrintable(files));
    // File names as names, whichever way Milvus printed them.
    QVERIFY2(files.contains(QLatin1String(" folder/2/articles-part1.json\n")), qPrintable(files));
    QVERIFY2(!files.contains(QLatin1Char('[')) && !files.contains(QLatin1String("paths:")), qPrintable(files));
}

#endif

QTEST_GUILESS_MAIN(TestReportText)
#include "tst_reporttext.moc"
