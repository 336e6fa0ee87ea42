// Jobs and files models: polls arrive as diffs (inserts, spans of dataChanged, removals), never as resets;
// the filter proxy finds what a user asks for. A QAbstractItemModelTester watches every step.

#include "AnswerMerge.h"
#include "FilesModel.h"
#include "ImportService.h"
#include "JobSource.h"
#include "JobFilterProxy.h"
#include "JobFormatter.h"
#include "JobsModel.h"
#include "JobReport.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

namespace {
JobRecord rec(const QString &id, JobState state, double progress, const QString &conn = QStringLiteral("c1"))
{
    JobRecord r;
    r.connectionId = conn;
    r.job.jobId = id;
    r.job.collectionName = QStringLiteral("col_") + id;
    r.job.state = state;
    r.job.serverState = jobStateName(state);
    r.job.progress = progress;
    r.firstSeen = QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone(0)).toUTC().addSecs(id.toInt());
    r.lastAnswer = r.firstSeen;
    r.lastChange = r.firstSeen;
    return r;
}

// A JobSource of our own with a clock the test sets: each answer is merged at that time, as the service does
// (AnswerMerge::apply for a describe, AnswerMerge::fromSummary + apply for a list row).
class FakeSource : public JobSource
{
public:
    QDateTime clock = QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone(0));
    QHash<QString, JobRecord> records;
    QSet<QString> lazy; // keys read from the "history" without their files, as the service does at start-up
    Connection conn;

    FakeSource()
    {
        conn.id = QStringLiteral("c1");
        conn.name = QStringLiteral("Staging");
    }
    QVector<JobRecord> jobs() const override
    {
        QVector<JobRecord> out;
        for (JobRecord r : records) {
            if (lazy.contains(r.key())) {
                r.storedFileCount = static_cast<int>(r.job.files.size());
                r.job.files.clear();
                r.filesLoaded = false;
            }
            out << r;
        }
        return out;
    }
    const JobRecord *job(const QString &key) const override
    {
        const auto it = records.constFind(key);
        return it == records.cend() ? nullptr : &it.value();
    }
    const Connection *connection(const QString &id) const override { return id == conn.id ? &conn : nullptr; }
    QDateTime now() const override { return clock; }

    void advance(int seconds) { clock = clock.addSecs(seconds); }
    // A job of this connection that finished an hour ago, kept in the history: its last file was done
    // `tailSeconds` before the job (sorting and indexing took that long).
    void finished(const QString &id, qint64 rows, int tailSeconds, const QString &connectionId = QStringLiteral("c1"))
    {
        JobRecord r;
        r.connectionId = connectionId;
        r.job.jobId = id;
        r.job.state = JobState::Completed;
        r.job.serverState = QStringLiteral("Completed");
        r.job.progress = 100;
        r.job.importedRows = rows;
        r.job.totalRows = rows;
        r.job.completeTime = clock.addSecs(-3600);
        r.job.createTime = r.job.completeTime.addSecs(-tailSeconds - 300);
        FileProgress f;
        f.fileName = QStringLiteral("[done.parquet]");
        f.state = FileState::Completed;
        f.progress = 100;
        f.completeTime = r.job.completeTime.addSecs(-tailSeconds);
        r.job.files = {f};
        r.firstSeen = clock.addSecs(-60);
        r.lastAnswer = r.firstSeen;
        r.hasDetails = true;
        records.insert(r.key(), r);
        lazy.insert(r.key());
    }
    // A describe answer for job `id` at the current time.
    void describe(const JobProgress &fresh)
    {
        JobRecord &r = records[JobRecord::keyOf(conn.id, fresh.jobId)];
        r.connectionId = conn.id;
        AnswerMerge::apply(r, fresh, true, clock);
        Q_EMIT jobChanged(r);
    }
    // A list row for a job already known (no rows, no files), at the current time.
    void listed(const JobSummary &s)
    {
        JobRecord &r = records[JobRecord::keyOf(conn.id, s.jobId)];
        if (const std::optional<JobProgress> job = AnswerMerge::fromSummary(r, s)) {
            AnswerMerge::apply(r, *job, false, clock);
            Q_EMIT jobChanged(r);
        }
    }
};

// An importing job of 100,000 rows: `rows` imported so far, progress following the rows (they end at 70 %).
JobProgress importing(qint64 rows)
{
    JobProgress j;
    j.jobId = QStringLiteral("7");
    j.collectionName = QStringLiteral("books");
    j.state = JobState::Running;
    j.serverState = QStringLiteral("Importing");
    j.importedRows = rows;
    j.totalRows = 100000;
    j.progress = 70.0 * static_cast<double>(rows) / 100000.0;
    FileProgress f;
    f.fileName = QStringLiteral("[part-0.parquet]");
    f.state = FileState::Running;
    j.files = {f};
    return j;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void pollsAreAppliedAsDiffsNeverResets();

    void theTableSaysThePhaseAfterTheImportAndAborted();

    void cellsSayWhatAUserNeeds();

    void proxyFiltersByStateConnectionAndText();

    void filesUpdateInPlaceForTheSameJob();

    void etaFollowsTheSmoothedRateAcrossPolls();

    void etaSaysWhyThereIsNone_data();
    void etaSaysWhyThereIsNone();

    void sortingTimeIsPerConnectionAndGrowsWithTheRows();

    void etaIsADashWhileWaitingForCommitAndDurationKeepsCounting();
    void etaIsSaneForTheDemosBigAndLateJobs_data();
    void etaIsSaneForTheDemosBigAndLateJobs();

    void timeTooltipsSayHowLongAgo();

    void rowRateAfterAListRowIsMeasuredSinceTheRowsLastMoved();

    void createdFirstSeenAndDuration_data();
    void createdFirstSeenAndDuration();

    void failedJobsKeepNothingAndTheirFilesAreFinal();

    void progressShowsRowsWhereKnownAndExplainsTheBands_data();
    void progressShowsRowsWhereKnownAndExplainsTheBands();

    void activitySaysWhoIsWaiting_data();
    void activitySaysWhoIsWaiting();
    void finishedJobsSayWhenTheServerForgetsThem_data();
    void finishedJobsSayWhenTheServerForgetsThem();

    void filesSummaryCountsEachState();

    void countsPerStateAndTheCollectionFilter();

    void historyIsPaintedAtOnceSortedAndReSortedWhenAValueChanges();

    void pluralsInEnglishAndGerman_data();
    void pluralsInEnglishAndGerman();
    void germanFileStatesSayWhatIsHappening_data();
    void germanFileStatesSayWhatIsHappening();
    void sizesAreBinaryAndSaySo();

private:
    QTranslator m_english; // as the app loads it for an English locale: only the plural forms
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestModels::initTestCase()
{
    QVERIFY(m_english.load(QStringLiteral(":/i18n/bulkwatch_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestModels::pollsAreAppliedAsDiffsNeverResets()
{
    ImportService service(nullptr, nullptr);
    JobsModel model(&service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);

    for (int i = 1; i <= 5; ++i)
        Q_EMIT service.jobChanged(rec(QString::number(i), JobState::Running, 10 * i));
    model.applyPending();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserts.size(), 1); // one block

    // Rows 0,1 and 3 change: two contiguous spans -> two dataChanged.
    changes.clear();
    Q_EMIT service.jobChanged(rec(QStringLiteral("1"), JobState::Running, 55));
    Q_EMIT service.jobChanged(rec(QStringLiteral("2"), JobState::Running, 56));
    Q_EMIT service.jobChanged(rec(QStringLiteral("4"), JobState::Completed, 100));
    model.applyPending();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0][0].toModelIndex().row(), 0);
    QCOMPARE(changes[0][1].toModelIndex().row(), 1);
    QCOMPARE(changes[1][0].toModelIndex().row(), 3);
    QCOMPARE(model.index(3, JobsModel::StateColumn).data().toString(), QStringLiteral("Completed"));
    QCOMPARE(model.index(0, JobsModel::ProgressColumn).data(JobsModel::ProgressRole).toDouble(), 55.0);

    Q_EMIT service.jobRemoved(JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("3")));
    QCOMPARE(removals.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOf(JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("5"))), 3);
    QCOMPARE(resets.size(), 0);
}

void TestModels::cellsSayWhatAUserNeeds()
{
    ImportService service(nullptr, nullptr);
    QDateTime now = QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone(0)).toUTC();
    service.setClock([&] { return now; });
    JobsModel model(&service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    JobRecord sorting = rec(QStringLiteral("1"), JobState::Running, 80);
    FileProgress done;
    done.state = FileState::Completed;
    done.progress = 100;
    sorting.job.files = {done, done};
    sorting.rowsPerSecond = 1000;
    sorting.job.importedRows = 10;
    sorting.job.totalRows = 10;
    sorting.lastChange = now.addSecs(-600);
    JobRecord importing = rec(QStringLiteral("2"), JobState::Running, 50);
    importing.job.importedRows = 50000;
    importing.job.totalRows = 100000;
    importing.rowsPerSecond = 1000;
    importing.lastChange = now.addSecs(-5);
    JobRecord expired = rec(QStringLiteral("3"), JobState::Completed, 100);
    expired.expired = true;
    expired.expiredAt = now.addSecs(-120);
    JobRecord failed = rec(QStringLiteral("4"), JobState::Failed, 0);
    for (const JobRecord &r : {sorting, importing, expired, failed})
        Q_EMIT service.jobChanged(r);
    model.applyPending();

    const auto cell = [&](int row, int col, int role = Qt::DisplayRole) { return model.index(row, col).data(role).toString(); };
    QCOMPARE(cell(0, JobsModel::EtaColumn), QStringLiteral("—")); // sorting / index: no guess
    QCOMPARE(cell(0, JobsModel::ActivityColumn), QStringLiteral("no change for 10 min"));
    QVERIFY(cell(0, JobsModel::ProgressColumn, Qt::ToolTipRole).contains(QLatin1String("building the index")));
    // No job seen finishing on this server: the rows' 50 s are known, what follows is not; so no number.
    QCOMPARE(cell(1, JobsModel::EtaColumn), QStringLiteral("—"));
    QVERIFY(cell(1, JobsModel::EtaColumn, Qt::ToolTipRole).contains(QLatin1String("the rows need about 50 s more")));
    QCOMPARE(cell(1, JobsModel::ActivityColumn), QStringLiteral("moving"));
    // Short in the cell (it was cut to "Expired (last: C…"), the last state in the tooltip.
    QCOMPARE(cell(2, JobsModel::StateColumn), QStringLiteral("Expired"));
    QVERIFY(cell(2, JobsModel::StateColumn, Qt::ToolTipRole).contains(QLatin1String("its last state was Completed")));
    QCOMPARE(model.index(2, 0).data(JobsModel::StateRole).toInt(), int(JobState::Expired));
    QCOMPARE(cell(3, 0, JobsModel::ErrorTextRole), QStringLiteral("The server gave no reason for this failure."));
    QVERIFY(cell(0, JobsModel::FirstSeenColumn, Qt::ToolTipRole).contains(QLatin1String("Z,"))); // UTC on hover
    now = now.addSecs(600);
    QCOMPARE(cell(0, JobsModel::ActivityColumn), QStringLiteral("no change for 20 min"));
}

void TestModels::proxyFiltersByStateConnectionAndText()
{
    ImportService service(nullptr, nullptr);
    JobsModel model(&service);
    JobFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobRecord failed = rec(QStringLiteral("1"), JobState::Failed, 0);
    failed.job.reason = QStringLiteral("JSON parse: unexpected EOF");
    JobRecord expired = rec(QStringLiteral("2"), JobState::Completed, 100);
    expired.expired = true;
    for (const JobRecord &r : {failed, expired, rec(QStringLiteral("3"), JobState::Running, 5),
                               rec(QStringLiteral("4"), JobState::Finalizing, 99, QStringLiteral("c2")),
                               rec(QStringLiteral("5"), JobState::Completed, 100, QStringLiteral("c2")),
                               rec(QStringLiteral("6"), JobState::Pending, 0)})
        Q_EMIT service.jobChanged(r);
    model.applyPending();
    QCOMPARE(proxy.rowCount(), 6);
    proxy.setStateFilter(JobFilterProxy::StateFilter::Active);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setStateFilter(JobFilterProxy::StateFilter::Failed);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setStateFilter(JobFilterProxy::StateFilter::Completed);
    QCOMPARE(proxy.rowCount(), 1); // the expired one is not "completed" any more
    proxy.setStateFilter(JobFilterProxy::StateFilter::Expired);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setStateFilter(JobFilterProxy::StateFilter::All);
    proxy.setConnectionFilter(QStringLiteral("c2"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setConnectionFilter(QString());
    proxy.setText(QStringLiteral("unexpected eof"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(QStringLiteral("col_5"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(QString());
    proxy.sort(JobsModel::ProgressColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, JobsModel::ProgressColumn).data(JobsModel::ProgressRole).toDouble(), 100.0);
    QCOMPARE(proxy.index(5, JobsModel::ProgressColumn).data(JobsModel::ProgressRole).toDouble(), 0.0);
}

void TestModels::filesUpdateInPlaceForTheSameJob()
{
    FilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVector<FileProgress> files(4);
    for (int i = 0; i < files.size(); ++i) {
        files[i].fileName = QStringLiteral("[%1.parquet]").arg(i);
        files[i].state = FileState::Running;
    }
    model.setFiles(QStringLiteral("k"), files);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    files[1].progress = 50;
    files[2].progress = 60;
    model.setFiles(QStringLiteral("k"), files);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0][0].toModelIndex().row(), 1);
    QCOMPARE(changes[0][1].toModelIndex().row(), 2);
    QCOMPARE(model.index(1, FilesModel::ProgressColumn).data(FilesModel::ProgressRole).toDouble(), 50.0);
    model.setFiles(QStringLiteral("other"), files.mid(0, 2));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, FilesModel::NameColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("[0.parquet]"));
    // Shown as the file's name, not Milvus' Go-printed list; the raw entry stays on hover.
    QCOMPARE(model.index(0, FilesModel::NameColumn).data(Qt::DisplayRole).toString(), QStringLiteral("0.parquet"));
}

void TestModels::etaFollowsTheSmoothedRateAcrossPolls()
{
    FakeSource source;
    // Before: a job of the same size on this server spent 60 s sorting and indexing after its last row.
    source.finished(QStringLiteral("1"), 100000, 60);
    JobsModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString key = JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("7"));
    const auto eta = [&](int role = Qt::DisplayRole) {
        model.applyPending();
        return model.index(model.rowOf(key), JobsModel::EtaColumn).data(role).toString();
    };
    const auto rate = [&] { return source.records.value(key).rowsPerSecond; };

    // First answer: no rate yet, no estimate.
    source.describe(importing(0));
    model.applyPending();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(eta(), QStringLiteral("—"));
    QVERIFY2(eta(Qt::ToolTipRole).startsWith(QLatin1String("No estimate yet")), qPrintable(eta(Qt::ToolTipRole)));

    // 10 s later, 10,000 rows: 1,000 rows/s, 90,000 left: 90 s of rows, then 60 s of sorting and indexing.
    source.advance(10);
    source.describe(importing(10000));
    QCOMPARE(rate(), 1000.0);
    QCOMPARE(eta(), QStringLiteral("2 min 30 s"));
    QVERIFY2(eta(Qt::ToolTipRole).startsWith(QLatin1String("Rows: 1 min 30 s at the rate since the rows started, then sorting and building the index: about 1 min 0 s")),
             qPrintable(eta(Qt::ToolTipRole)));

    // 10 s later, 20,000 more (2,000/s): the ETA takes the rate since the rows started, 30,000 in 20 s = 1,500/s,
    // not the jump to 2,000 (the service's smoothed rate is 0.3 * 2000 + 0.7 * 1000 = 1,300/s).
    source.advance(10);
    source.describe(importing(30000));
    QCOMPARE(rate(), 1300.0);
    QCOMPARE(eta(), QStringLiteral("1 min 46 s")); // 70,000 / 1,500 = 46.7, + 60

    // A poll that finds nothing moved changes the rate not; the estimate runs down with the clock.
    source.advance(10);
    source.describe(importing(30000));
    QCOMPARE(rate(), 1300.0);
    QCOMPARE(eta(), QStringLiteral("1 min 36 s"));
    // The next move: 50,000 rows in 40 s since the rows started, 1,250/s.
    source.advance(10);
    source.describe(importing(50000));
    QCOMPARE(rate(), 0.3 * 1000 + 0.7 * 1300);
    QCOMPARE(eta(), QStringLiteral("1 min 40 s")); // 50,000 / 1,250 = 40, + 60

    // Every row written; the job keeps running (sorting, indexing): the rest of the 60 s the server takes.
    source.advance(40);
    JobProgress sorting = importing(100000);
    sorting.files[0].state = FileState::Completed;
    source.describe(sorting);
    QCOMPARE(eta(), QStringLiteral("1 min 0 s"));
    QCOMPARE(model.index(model.rowOf(key), JobsModel::StateColumn).data().toString(), QStringLiteral("Sorting / indexing"));
    QVERIFY(eta(Qt::ToolTipRole).startsWith(QLatin1String("Sorting and building the index: about 1 min 0 s")));
    source.advance(30);
    QCOMPARE(eta(), QStringLiteral("30 s")); // between answers too: the model's tick repaints it
    source.advance(29);
    QCOMPARE(eta(), QStringLiteral("1 s"));
    source.advance(1);
    QCOMPARE(eta(), QStringLiteral("—"));
    // Past the estimate the job still runs: no "1 s" that sits there for minutes, but no estimate and why.
    for (int i = 0; i < 10; ++i) {
        source.advance(15);
        source.describe(sorting);
        QVERIFY2(eta() == QStringLiteral("—"), qPrintable(QStringLiteral("%1 s after the rows: %2").arg(60 + 15 * i).arg(eta())));
        QVERIFY(eta(Qt::ToolTipRole).contains(QLatin1String("longer than before")));
        QCOMPARE(model.index(model.rowOf(key), JobsModel::EtaColumn).data(JobsModel::SortRole).toLongLong(), -1);
    }

    // Completed: no ETA, and the duration stops at the end.
    JobProgress done = sorting;
    done.state = JobState::Completed;
    done.serverState = QStringLiteral("Completed");
    done.progress = 100;
    source.describe(done);
    QCOMPARE(eta(), QStringLiteral("—"));
    QCOMPARE(model.index(model.rowOf(key), JobsModel::DurationColumn).data().toString(), QStringLiteral("4 min 50 s")); // 80 + 60 + 150
    source.advance(3600);
    QCOMPARE(model.index(model.rowOf(key), JobsModel::DurationColumn).data().toString(), QStringLiteral("4 min 50 s"));

    // What it took (210 s after its rows) is learnt: the next job of this size expects (60 + 210) / 2 s.
    source.advance(1);
    JobProgress next = importing(0);
    next.jobId = QStringLiteral("8");
    source.describe(next);
    model.applyPending();
    const QString key8 = JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("8"));
    QVERIFY2(model.eta(*model.record(model.rowOf(key8))).reason.startsWith(QLatin1String("No estimate yet")),
             qPrintable(model.eta(*model.record(model.rowOf(key8))).reason));
    source.advance(10);
    next.importedRows = 10000;
    source.describe(next);
    model.applyPending();
    QCOMPARE(model.eta(*model.record(model.rowOf(key8))).seconds, 90 + 135);
}

void TestModels::etaSaysWhyThereIsNone_data()
{
    QTest::addColumn<bool>("history");
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<QString>("tooltip");
    QTest::newRow("queued") << true << int(JobState::Pending) << qint64(0) << QStringLiteral("No estimate: the job is queued");
    QTest::newRow("awaiting commit") << true << int(JobState::Finalizing) << qint64(100000) << QStringLiteral("No estimate: the job waits for you");
    QTest::newRow("importing, server never seen finishing")
        << false << int(JobState::Running) << qint64(10000) << QStringLiteral("No estimate: the rows need about 1 min 30 s more");
    QTest::newRow("sorting, server never seen finishing") << false << int(JobState::Running) << qint64(100000)
                                                          << QStringLiteral("No estimate: all rows are in");
    QTest::newRow("first seen sorting, no file times") << true << int(JobState::Running) << qint64(-1)
                                                       << QStringLiteral("No estimate: the job was already past its rows");
    QTest::newRow("importing, with history") << true << int(JobState::Running) << qint64(10000) << QStringLiteral("Rows: 1 min 30 s");
    // Rows stop moving: 10 min later the 2 min 30 s are long past; no "1 s" that sits there.
    QTest::newRow("importing, rows stalled past the estimate") << true << int(JobState::Running) << qint64(-10000)
                                                               << QStringLiteral("No estimate: the rows are slower than their recent rate");
}

void TestModels::etaSaysWhyThereIsNone()
{
    QFETCH(bool, history);
    QFETCH(int, state);
    QFETCH(qint64, rows);
    QFETCH(QString, tooltip);
    const bool stalled = rows == -10000;
    if (stalled)
        rows = 10000;
    FakeSource source;
    if (history)
        source.finished(QStringLiteral("1"), 100000, 60);
    JobsModel model(&source);
    if (rows < 0) {
        // A list row at 80 % is the first Bulkwatch hears of it: sorting, since when nobody has said.
        JobSummary s;
        s.jobId = QStringLiteral("7");
        s.state = JobState::Running;
        s.serverState = QStringLiteral("Importing");
        s.progress = 80;
        source.records.insert(JobRecord::keyOf(QStringLiteral("c1"), s.jobId), AnswerMerge::recordFromSummary(QStringLiteral("c1"), s, source.clock));
        Q_EMIT source.jobChanged(source.records.value(JobRecord::keyOf(QStringLiteral("c1"), s.jobId)));
        model.applyPending();
        const QModelIndex cell = model.index(model.rowOf(JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("7"))), JobsModel::EtaColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("—"));
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().startsWith(tooltip), qPrintable(cell.data(Qt::ToolTipRole).toString()));
        return;
    }
    source.describe(importing(0));
    source.advance(10);
    JobProgress j = importing(rows);
    j.state = JobState(state);
    if (rows == 100000)
        j.files[0].state = FileState::Completed;
    source.describe(j);
    if (stalled) {
        for (int i = 0; i < 20; ++i) {
            source.advance(30);
            source.describe(j); // answers keep coming, the rows do not move
        }
    }
    model.applyPending();
    const QModelIndex cell = model.index(model.rowOf(JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("7"))), JobsModel::EtaColumn);
    QVERIFY2(cell.data(Qt::ToolTipRole).toString().startsWith(tooltip), qPrintable(cell.data(Qt::ToolTipRole).toString()));
    QCOMPARE(cell.data().toString() == QStringLiteral("—"), !tooltip.startsWith(QLatin1String("Rows")));
}

void TestModels::sortingTimeIsPerConnectionAndGrowsWithTheRows()
{
    FakeSource source;
    source.finished(QStringLiteral("1"), 100000, 60);
    source.finished(QStringLiteral("2"), 100000, 600, QStringLiteral("c2")); // another server, much slower
    JobsModel model(&source);
    JobProgress big = importing(0);
    big.totalRows = 300000;
    source.describe(big);
    source.advance(10);
    big.importedRows = 30000; // 3,000 rows/s: 90 s of rows left
    source.describe(big);
    model.applyPending();
    const JobRecord *r = model.record(model.rowOf(JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("7"))));
    QVERIFY(r);
    QCOMPARE(model.eta(*r).seconds, 90 + 180); // three times the rows of the job seen before: three times its 60 s
}

void TestModels::etaIsSaneForTheDemosBigAndLateJobs_data()
{
    // The review's two cases, with the demo's timing (app/sim/SimScenario.cpp): finished jobs of 10,000 and
    // 26,571 rows took 10 s to sort and index; the rows come in every 5 s at `rate` after `queued` s in the queue
    // and file reading with no row moved. The job really ends `ends` s after its first row.
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("queued");
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("tail");
    QTest::addColumn<int>("ends");
    // product_embeddings: 4.6 M rows at ~40,000/s, 100 s sorting and indexing; was "43 min" (done in 5 min).
    QTest::newRow("4.6 M rows, 10 s tails seen") << qint64(4600000) << 8 << 40000 << 100 << 215;
    // user_events: 45 s queued, then ~7,700 rows/s; was "40 rows/s, ETA 3 h 32 min" (done in 2 1/2 min).
    QTest::newRow("500,000 rows after 45 s queued") << qint64(500000) << 45 << 7700 << 10 << 75;
}

void TestModels::etaIsSaneForTheDemosBigAndLateJobs()
{
    QFETCH(qint64, total);
    QFETCH(int, queued);
    QFETCH(int, rate);
    QFETCH(int, tail);
    QFETCH(int, ends);
    FakeSource source;
    source.finished(QStringLiteral("1"), 10000, 10);
    source.finished(QStringLiteral("2"), 26571, 10);
    JobsModel model(&source);
    const QString key = JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("7"));
    JobProgress j = importing(0);
    j.totalRows = total;
    j.state = JobState::Pending;
    j.serverState = QStringLiteral("Pending");
    j.progress = 0;
    source.describe(j); // first seen queued: the service's rate clock starts here
    model.applyPending(); // as the window's tick does between answers
    for (int t = 5; t < queued; t += 5) {
        source.advance(5);
        source.describe(j);
        model.applyPending();
    }
    j.state = JobState::Running;
    j.serverState = QStringLiteral("Importing");
    qint64 elapsed = 0;
    QStringList seen;
    qint64 previous = -1;
    for (int i = 0; i < 6; ++i) { // the first 30 s of rows
        source.advance(5);
        elapsed += 5;
        j.importedRows = std::min<qint64>(total, rate * (elapsed - 3)); // the rows start a moment after the answer before
        source.describe(j);
        model.applyPending();
        const JobRecord *r = model.record(model.rowOf(key));
        QVERIFY(r);
        const EtaEstimate e = model.eta(*r);
        seen << QString::number(e.seconds);
        if (e.seconds < 0)
            continue;
        const qint64 truth = ends - elapsed;
        QVERIFY2(e.seconds <= 2 * truth + 60 && e.seconds * 2 + 60 >= truth,
                 qPrintable(QStringLiteral("at %1 s of rows: ETA %2 s, the job ends in %3 s (%4)").arg(elapsed).arg(e.seconds).arg(truth).arg(e.reason)));
        // It goes down with the clock, give or take the rate's wobble (no 22 s in 35 s).
        if (previous >= 0)
            QVERIFY2(previous - e.seconds >= 2 && previous - e.seconds <= 10, qPrintable(seen.join(QLatin1Char(' '))));
        previous = e.seconds;
        // The Rows/s cell reports the same rate, not the queue-diluted first sample.
        const QString shown = model.index(model.rowOf(key), JobsModel::ThroughputColumn).data().toString();
        QVERIFY2(!shown.startsWith(QLatin1String("—")) && QLocale().toDouble(shown.section(QLatin1Char(' '), 0, 0)) > rate / 2,
                 qPrintable(shown));
    }
    QVERIFY2(previous >= 0, qPrintable(seen.join(QLatin1Char(' '))));
    Q_UNUSED(tail);
}

void TestModels::etaIsADashWhileWaitingForCommitAndDurationKeepsCounting()
{
    FakeSource source;
    source.finished(QStringLiteral("1"), 100000, 60);
    JobsModel model(&source);
    const auto cell = [&](int col) { return model.index(model.rowOf(JobRecord::keyOf(QStringLiteral("c1"), QStringLiteral("7"))), col); };
    source.describe(importing(0));
    source.advance(10);
    source.describe(importing(10000));
    model.applyPending();
    QCOMPARE(cell(JobsModel::EtaColumn).data().toString(), QStringLiteral("2 min 30 s"));
    // Two-phase: the rows are in, the job waits in Uncommitted for a commit that only a person can give.
    source.advance(60);
    JobProgress waiting = importing(100000);
    waiting.state = JobState::Finalizing;
    waiting.serverState = QStringLiteral("Uncommitted");
    waiting.files[0].state = FileState::Completed;
    source.describe(waiting);
    model.applyPending();
    QCOMPARE(cell(JobsModel::StateColumn).data().toString(), QStringLiteral("Awaiting commit"));
    QCOMPARE(cell(JobsModel::EtaColumn).data().toString(), QStringLiteral("—"));
    QVERIFY(cell(JobsModel::EtaColumn).data(Qt::ToolTipRole).toString().startsWith(QLatin1String("No estimate")));
    QCOMPARE(cell(JobsModel::EtaColumn).data(JobsModel::SortRole).toLongLong(), -1);
    // Not finished: its duration goes on with the clock, no answer needed (the model's tick repaints it).
    QCOMPARE(cell(JobsModel::DurationColumn).data().toString(), QStringLiteral("1 min 10 s"));
    source.advance(3600);
    QCOMPARE(cell(JobsModel::DurationColumn).data().toString(), QStringLiteral("1 h 1 min"));
}

void TestModels::timeTooltipsSayHowLongAgo()
{
    FakeSource source;
    JobsModel model(&source);
    JobProgress j = importing(0);
    j.createTime = source.clock.addSecs(-30);
    source.describe(j);
    model.applyPending();
    const auto tip = [&](int col) { return model.index(0, col).data(Qt::ToolTipRole).toString(); };
    // "local (UTC, N units ago)": what follows the last ", ".
    const auto ago = [&](int col) {
        const QString t = tip(col);
        return t.mid(t.lastIndexOf(QLatin1String(", ")) + 2).chopped(1);
    };
    // Local time, then UTC and how long ago.
    QVERIFY2(tip(JobsModel::CreatedColumn).startsWith(JobFormatter::localText(j.createTime) + QStringLiteral(" (2026-11-28T11:59:30Z, 30 second")),
             qPrintable(tip(JobsModel::CreatedColumn)));
    QCOMPARE(ago(JobsModel::CreatedColumn), QStringLiteral("30 seconds ago"));
    QCOMPARE(tip(JobsModel::CompletedColumn), QString()); // not completed: nothing to hover
    // The same tooltip later: the clock moved, the "ago" with it.
    source.advance(90);
    QVERIFY2(ago(JobsModel::CreatedColumn).startsWith(QLatin1String("2 minute")), qPrintable(tip(JobsModel::CreatedColumn)));
    QCOMPARE(ago(JobsModel::CreatedColumn), QStringLiteral("2 minutes ago"));
    source.advance(2 * 3600);
    QVERIFY2(ago(JobsModel::CreatedColumn).startsWith(QLatin1String("2 hour")), qPrintable(tip(JobsModel::CreatedColumn)));
    // It completes; the server's completion time is shown, and how long ago it was.
    JobProgress done = j;
    done.state = JobState::Completed;
    done.serverState = QStringLiteral("Completed");
    done.progress = 100;
    done.completeTime = source.clock.addSecs(-60);
    source.describe(done);
    model.applyPending();
    QVERIFY(tip(JobsModel::CompletedColumn).startsWith(JobFormatter::localText(done.completeTime) + QStringLiteral(" (") + JobFormatter::utcText(done.completeTime)));
    QVERIFY2(ago(JobsModel::CompletedColumn).startsWith(QLatin1String("1 minute")), qPrintable(tip(JobsModel::CompletedColumn)));
    QCOMPARE(ago(JobsModel::CompletedColumn), QStringLiteral("1 minute ago"));
    source.advance(3 * 86400);
    QVERIFY2(ago(JobsModel::CompletedColumn).startsWith(QLatin1String("3 day")), qPrintable(tip(JobsModel::CompletedColumn)));
}

void TestModels::rowRateAfterAListRowIsMeasuredSinceTheRowsLastMoved()
{
    // On Milvus the list refreshes every job's state and progress between describes, which alone carry rows.
    FakeSource source;
    JobsModel model(&source);
    source.describe(importing(0));
    source.advance(10);
    source.describe(importing(10000)); // 1,000 rows/s
    QCOMPARE(source.records.begin().value().rowsPerSecond, 1000.0);
    // 9 s later a list row says the progress moved (rows unknown in a list)…
    source.advance(9);
    JobSummary s;
    s.jobId = QStringLiteral("7");
    s.state = JobState::Running;
    s.serverState = QStringLiteral("Importing");
    s.progress = 70.0 * 19000 / 100000;
    source.listed(s);
    // …and 1 s after it the describe: 10,000 rows in the 10 s since the last describe, still 1,000 rows/s.
    source.advance(1);
    source.describe(importing(20000));
    model.applyPending();
    QCOMPARE(source.records.begin().value().rowsPerSecond, 1000.0);
    QVERIFY(model.index(0, JobsModel::EtaColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("about 1 min 20 s more")));
}

void TestModels::createdFirstSeenAndDuration_data()
{
    // Offsets in seconds from the fake clock; 1 = not given (invalid). The job is completed when `completed` is set.
    QTest::addColumn<int>("created");
    QTest::addColumn<int>("firstSeen");
    QTest::addColumn<int>("completed");
    QTest::addColumn<bool>("listedFinished"); // first seen already finished (a list row, then a describe)
    QTest::addColumn<QString>("duration");
    QTest::newRow("seen running, server's creation time") << -600 << -300 << -60 << false << QStringLiteral("9 min 0 s");
    QTest::newRow("seen running, no creation time") << 1 << -300 << -60 << false << QStringLiteral("4 min 0 s");
    QTest::newRow("still running") << 1 << -300 << 1 << false << QStringLiteral("5 min 0 s");
    QTest::newRow("first seen finished, no creation time") << 1 << 0 << -3600 << true << QStringLiteral("—");
    QTest::newRow("first seen finished, server's times") << -4000 << 0 << -3600 << true << QStringLiteral("6 min 40 s");
}

void TestModels::createdFirstSeenAndDuration()
{
    QFETCH(int, created);
    QFETCH(int, firstSeen);
    QFETCH(int, completed);
    QFETCH(bool, listedFinished);
    QFETCH(QString, duration);
    FakeSource source;
    const QDateTime now = source.clock;
    const auto at = [&](int offset) { return offset == 1 ? QDateTime() : now.addSecs(offset); };
    JobProgress j = importing(50000);
    j.createTime = at(created);
    source.clock = at(firstSeen);
    if (listedFinished) {
        JobSummary s;
        s.jobId = j.jobId;
        s.state = JobState::Completed;
        s.serverState = QStringLiteral("Completed");
        s.progress = 100;
        source.records.insert(JobRecord::keyOf(QStringLiteral("c1"), j.jobId), AnswerMerge::recordFromSummary(QStringLiteral("c1"), s, source.clock));
    }
    source.describe(j);
    if (completed != 1) {
        if (!listedFinished)
            source.clock = at(completed);
        j.state = JobState::Completed;
        j.serverState = QStringLiteral("Completed");
        j.progress = 100;
        j.completeTime = at(completed);
        source.describe(j);
    }
    source.clock = now;
    JobsModel model(&source);
    const auto cell = [&](int col, int role = Qt::DisplayRole) { return model.index(0, col).data(role).toString(); };
    QCOMPARE(cell(JobsModel::DurationColumn), duration);
    QCOMPARE(cell(JobsModel::FirstSeenColumn), JobFormatter::localText(at(firstSeen))); // Bulkwatch's own, never the server's
    QCOMPARE(cell(JobsModel::CreatedColumn), created == 1 ? QStringLiteral("—") : JobFormatter::localText(at(created)));
    QCOMPARE(cell(JobsModel::CompletedColumn), completed == 1 ? QStringLiteral("—") : JobFormatter::localText(at(completed)));
    if (duration == QStringLiteral("—"))
        QVERIFY(cell(JobsModel::DurationColumn, Qt::ToolTipRole).contains(QLatin1String("already finished")));
    // The CSV export says the same times, each under its own name.
    const QStringList csv = QString::fromUtf8(JobReport::toCsv(source.jobs(), {})).split(QLatin1Char('\n'));
    const QStringList header = csv[0].split(QLatin1Char(','));
    const QStringList values = csv[1].split(QLatin1Char(','));
    QCOMPARE(values.value(header.indexOf(QStringLiteral("firstSeenUtc"))), JobFormatter::utcText(at(firstSeen)));
    QCOMPARE(values.value(header.indexOf(QStringLiteral("createdUtc"))), JobFormatter::utcText(at(created)));
    QCOMPARE(values.value(header.indexOf(QStringLiteral("completeTimeUtc"))), JobFormatter::utcText(at(completed)));
}

void TestModels::failedJobsKeepNothingAndTheirFilesAreFinal()
{
    FakeSource source;
    JobsModel model(&source);
    JobProgress j = importing(100000);
    j.totalRows = 150000;
    j.state = JobState::Failed;
    j.serverState = QStringLiteral("Failed");
    j.progress = 0; // Milvus resets a failed job to 0 %
    j.reason = QStringLiteral("schema not equal: importing data failed");
    FileProgress done;
    done.fileName = QStringLiteral("[a.parquet]");
    done.state = FileState::Completed;
    done.progress = 100;
    done.importedRows = 100000;
    done.totalRows = 100000;
    FileProgress half = done;
    half.fileName = QStringLiteral("[b.parquet]");
    half.state = FileState::Running;
    half.progress = 48;
    half.importedRows = 0;
    half.totalRows = 50000;
    j.files = {done, half};
    source.describe(j);
    model.applyPending();
    QCOMPARE(model.index(0, JobsModel::RowsColumn).data().toString(), QStringLiteral("none kept")); // not "100,000 / 150,000"
    QVERIFY(model.index(0, JobsModel::RowsColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("leaves nothing in the collection")));
    QVERIFY(model.index(0, JobsModel::RowsColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("100,000 / 150,000")));

    FilesModel files;
    files.setJobState(JobState::Running);
    files.setFiles(QStringLiteral("k"), j.files);
    QCOMPARE(files.index(1, FilesModel::StateColumn).data().toString(), QStringLiteral("Importing"));
    QSignalSpy changes(&files, &QAbstractItemModel::dataChanged);
    files.setJobState(JobState::Failed);
    QCOMPARE(changes.size(), 1); // the rows repaint in their final state
    QCOMPARE(files.index(1, FilesModel::StateColumn).data().toString(), QStringLiteral("Stopped")); // not "Importing 48 %"
    QCOMPARE(files.index(1, 0).data(FilesModel::StateRole).toInt(), int(FileState::Failed));
    QCOMPARE(files.index(0, FilesModel::StateColumn).data().toString(), QStringLiteral("Read, not kept"));
    QCOMPARE(files.index(0, FilesModel::RowsColumn).data().toString(), QStringLiteral("none kept"));
    QVERIFY(files.index(0, FilesModel::RowsColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("100,000 / 100,000")));
}

void TestModels::progressShowsRowsWhereKnownAndExplainsTheBands_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<double>("serverPercent");
    QTest::addColumn<bool>("sorting");
    QTest::addColumn<double>("shown");
    QTest::addColumn<bool>("bands");
    // 158,000 of 3,000,000 rows while Milvus says 42 %: the bar says 5.3 %.
    QTest::newRow("milvus rows phase") << int(Connection::Kind::Milvus) << qint64(158000) << 42.0 << false << 100.0 * 158000 / 3000000 << true;
    QTest::newRow("milvus sorting: the stages say more") << int(Connection::Kind::Milvus) << qint64(3000000) << 80.0 << true << 80.0 << true;
    QTest::newRow("milvus, rows unknown") << int(Connection::Kind::Milvus) << qint64(-1) << 42.0 << false << 42.0 << true;
    QTest::newRow("zilliz cloud: no bands to explain") << int(Connection::Kind::ZillizCloud) << qint64(1500000) << 50.0 << false << 50.0 << false;
}

void TestModels::progressShowsRowsWhereKnownAndExplainsTheBands()
{
    QFETCH(int, kind);
    QFETCH(qint64, rows);
    QFETCH(double, serverPercent);
    QFETCH(bool, sorting);
    QFETCH(double, shown);
    QFETCH(bool, bands);
    FakeSource source;
    source.conn.kind = Connection::Kind(kind);
    JobsModel model(&source);
    JobProgress j = importing(0);
    j.totalRows = 3000000;
    j.importedRows = rows < 0 ? std::nullopt : std::optional<qint64>(rows);
    j.progress = serverPercent;
    if (sorting)
        j.files[0].state = FileState::Completed;
    source.describe(j);
    model.applyPending();
    const QModelIndex cell = model.index(0, JobsModel::ProgressColumn);
    QCOMPARE(cell.data(JobsModel::ProgressRole).toDouble(), shown);
    QCOMPARE(cell.data(JobsModel::ServerProgressRole).toDouble(), serverPercent); // still available
    QCOMPARE(cell.data().toString(), JobFormatter::percentText(shown));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("40–70 %")), bands);
    if (shown != serverPercent)
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("the server says 42 %")));
}

void TestModels::activitySaysWhoIsWaiting_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("serverState");
    QTest::addColumn<QString>("activity");
    QTest::newRow("queued is not moving") << int(JobState::Pending) << QStringLiteral("Pending") << QStringLiteral("queued");
    QTest::newRow("awaiting commit waits for the user") << int(JobState::Finalizing) << QStringLiteral("Uncommitted")
                                                        << QStringLiteral("your turn");
    QTest::newRow("importing and still") << int(JobState::Running) << QStringLiteral("Importing") << QStringLiteral("no change for 5 min");
}

void TestModels::activitySaysWhoIsWaiting()
{
    QFETCH(int, state);
    QFETCH(QString, serverState);
    QFETCH(QString, activity);
    FakeSource source;
    JobsModel model(&source);
    JobProgress j = importing(10000);
    j.state = JobState(state);
    j.serverState = serverState;
    source.describe(j);
    source.advance(300);
    model.applyPending();
    QCOMPARE(model.index(0, JobsModel::ActivityColumn).data().toString(), activity);
}

void TestModels::finishedJobsSayWhenTheServerForgetsThem_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("retentionHours");
    QTest::addColumn<int>("endedMinutesAgo");
    QTest::addColumn<QString>("activity");
    QTest::newRow("3 h, ended 1 h ago") << int(JobState::Completed) << qint64(3) << 60 << QStringLiteral("forgotten in ~2 h");
    QTest::newRow("3 h, ended 2 h 30 min ago") << int(JobState::Completed) << qint64(3) << 150 << QStringLiteral("forgotten in ~30 min");
    QTest::newRow("48 h (Milvus 2.6.24), failed") << int(JobState::Failed) << qint64(48) << 60 << QStringLiteral("forgotten in ~47 h");
    QTest::newRow("past its time, not yet gone") << int(JobState::Completed) << qint64(3) << 200 << QStringLiteral("forgotten in ~1 min");
    QTest::newRow("running: nothing to forget") << int(JobState::Running) << qint64(3) << 60 << QStringLiteral("no change for 60 min");
}

// From the connection's retention (default 3 h) and when the job ended: the table says when the server will stop
// listing it, before it does ("forgotten 9 s ago" after).
void TestModels::finishedJobsSayWhenTheServerForgetsThem()
{
    QFETCH(int, state);
    QFETCH(qint64, retentionHours);
    QFETCH(int, endedMinutesAgo);
    QFETCH(QString, activity);
    FakeSource source;
    source.conn.retentionSeconds = retentionHours * 3600;
    JobsModel model(&source);
    JobProgress j = importing(10000);
    j.state = JobState(state);
    source.describe(j);
    JobRecord &r = *source.records.begin();
    r.endedAt = source.clock; // as the service marks an end it saw
    Q_EMIT source.jobChanged(r);
    source.advance(endedMinutesAgo * 60);
    model.applyPending();
    QCOMPARE(model.index(0, JobsModel::ActivityColumn).data().toString(), activity);
    const QString tip = model.index(0, JobsModel::ActivityColumn).data(Qt::ToolTipRole).toString();
    if (isTerminal(JobState(state)))
        QVERIFY2(tip.contains(QStringLiteral("keeps finished jobs for ~%1 h").arg(retentionHours)), qPrintable(tip));
}

void TestModels::filesSummaryCountsEachState()
{
    FilesModel files;
    QVector<FileProgress> list(300);
    for (int i = 0; i < list.size(); ++i) {
        list[i].fileName = QStringLiteral("[%1.parquet]").arg(i);
        list[i].state = i < 12 ? FileState::Completed : (i == 12 ? FileState::Failed : FileState::Running);
    }
    files.setJobState(JobState::Running);
    files.setFiles(QStringLiteral("k"), list);
    QCOMPARE(files.summary(), QStringLiteral("300 files: 12 done, 1 failed, 287 importing"));
    QCOMPARE(files.count(FileState::Failed), 1);
    files.setJobState(JobState::Failed);
    QCOMPARE(files.summary(), QStringLiteral("300 files: 1 failed, 299 not kept"));
    files.setFiles(QStringLiteral("one"), list.mid(0, 1));
    QCOMPARE(files.summary(), QStringLiteral("1 file: 1 not kept"));
}

void TestModels::countsPerStateAndTheCollectionFilter()
{
    FakeSource source;
    JobsModel model(&source);
    JobFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&proxy, &JobFilterProxy::countsChanged);
    const auto add = [&](const QString &id, JobState state, const QString &collection) {
        JobProgress j = importing(0);
        j.jobId = id;
        j.state = state;
        j.collectionName = collection;
        source.describe(j);
    };
    add(QStringLiteral("1"), JobState::Running, QStringLiteral("books"));
    add(QStringLiteral("2"), JobState::Failed, QStringLiteral("books"));
    add(QStringLiteral("3"), JobState::Completed, QStringLiteral("films"));
    add(QStringLiteral("4"), JobState::Pending, QStringLiteral("films"));
    add(QStringLiteral("5"), JobState::Cancelled, QStringLiteral("music"));
    model.applyPending();
    QVERIFY(counts.size() > 0);
    using F = JobFilterProxy::StateFilter;
    QCOMPARE(proxy.countFor(F::All), 5);
    QCOMPARE(proxy.countFor(F::Active), 2);
    QCOMPARE(proxy.countFor(F::Failed), 2);
    QCOMPARE(proxy.countFor(F::Completed), 1);
    QCOMPARE(proxy.countFor(F::Expired), 0);
    QCOMPARE(proxy.collections(), (QStringList{QStringLiteral("books"), QStringLiteral("films"), QStringLiteral("music")}));
    proxy.setCollectionFilter(QStringLiteral("films"));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.countFor(F::Active), 1);
    QCOMPARE(proxy.countFor(F::Failed), 0);
    // A job that fails moves between the counts, though no row of the "All" view comes or goes.
    counts.clear();
    JobProgress j = importing(0);
    j.jobId = QStringLiteral("4");
    j.collectionName = QStringLiteral("films");
    j.state = JobState::Failed;
    source.describe(j);
    model.applyPending();
    QVERIFY(counts.size() > 0);
    QCOMPARE(proxy.countFor(F::Failed), 1);
    QCOMPARE(proxy.countFor(F::Active), 0);
    // The clock's tick repaints time columns only: no recount every second.
    counts.clear();
    source.advance(1);
    Q_EMIT model.dataChanged(model.index(0, JobsModel::DurationColumn), model.index(4, JobsModel::ActivityColumn));
    QCOMPARE(counts.size(), 0);
}

void TestModels::historyIsPaintedAtOnceSortedAndReSortedWhenAValueChanges()
{
    FakeSource source;
    // Finished jobs from the history (without their files): rows, size and duration are there at once.
    for (int i = 1; i <= 3; ++i) {
        source.finished(QString::number(i), 100000 * i, 60);
        JobRecord &r = source.records[JobRecord::keyOf(QStringLiteral("c1"), QString::number(i))];
        r.job.fileSize = 1000000 * i;
        r.firstSeen = source.clock.addSecs(-7200 + 60 * i);
    }
    JobsModel model(&source);
    JobFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(JobsModel::FirstSeenColumn, Qt::DescendingOrder);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.rowCount(), 3); // painted from the constructor, no event-loop turn needed
    const auto cell = [&](int row, int col) { return proxy.index(row, col).data().toString(); };
    QCOMPARE(cell(0, JobsModel::JobIdColumn), QStringLiteral("3")); // the newest first
    QCOMPARE(cell(2, JobsModel::JobIdColumn), QStringLiteral("1"));
    QCOMPARE(cell(0, JobsModel::RowsColumn), QStringLiteral("300,000 / 300,000"));
    QCOMPARE(cell(0, JobsModel::SizeColumn), JobFormatter::bytesText(3000000));
    QCOMPARE(cell(0, JobsModel::DurationColumn), QStringLiteral("6 min 0 s")); // the server's times, not "0 s"
    // A new job arrives (first seen now: on top), then its describe brings an old creation time: sorted by
    // "Created", it moves to where that time belongs, without a reset.
    proxy.sort(JobsModel::CreatedColumn, Qt::DescendingOrder);
    JobProgress j = importing(0);
    j.jobId = QStringLiteral("9");
    source.describe(j);
    model.applyPending();
    // No creation time yet: it sorts by when Bulkwatch first saw it (now), so the newest is on top.
    QCOMPARE(cell(0, JobsModel::JobIdColumn), QStringLiteral("9"));
    j.createTime = source.clock.addSecs(-60);
    source.describe(j);
    model.applyPending();
    QCOMPARE(cell(0, JobsModel::JobIdColumn), QStringLiteral("9"));
    j.createTime = source.clock.addSecs(-86400);
    source.describe(j);
    model.applyPending();
    QCOMPARE(cell(3, JobsModel::JobIdColumn), QStringLiteral("9"));
}

void TestModels::pluralsInEnglishAndGerman_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("secondsAgo");
    QTest::addColumn<QString>("activity");
    QTest::newRow("en 1 s") << QStringLiteral("en") << 1 << QStringLiteral("forgotten 1 second ago");
    QTest::newRow("en 9 s") << QStringLiteral("en") << 9 << QStringLiteral("forgotten 9 seconds ago");
    QTest::newRow("en 1 min") << QStringLiteral("en") << 60 << QStringLiteral("forgotten 1 minute ago");
    QTest::newRow("en 3 h") << QStringLiteral("en") << 3 * 3600 << QStringLiteral("forgotten 3 hours ago");
    QTest::newRow("en 1 day") << QStringLiteral("en") << 86400 << QStringLiteral("forgotten 1 day ago");
    // German puts "vor 9 Sekunden" first: "vergessen vor 9 Sekunden" is not German.
    QTest::newRow("de 1 s") << QStringLiteral("de") << 1 << QStringLiteral("vor 1 Sekunde vergessen");
    QTest::newRow("de 9 s") << QStringLiteral("de") << 9 << QStringLiteral("vor 9 Sekunden vergessen");
    QTest::newRow("de 2 d") << QStringLiteral("de") << 2 * 86400 << QStringLiteral("vor 2 Tagen vergessen");
}

void TestModels::pluralsInEnglishAndGerman()
{
    QFETCH(QString, language);
    QFETCH(int, secondsAgo);
    QFETCH(QString, activity);
    QTranslator german;
    if (language == QLatin1String("de")) {
        QVERIFY(german.load(QStringLiteral(":/i18n/bulkwatch_de.qm")));
        QCoreApplication::installTranslator(&german);
    }
    FakeSource source;
    JobRecord r = rec(QStringLiteral("1"), JobState::Completed, 100);
    r.expired = true;
    r.expiredAt = source.clock.addSecs(-secondsAgo);
    source.records.insert(r.key(), r);
    JobsModel model(&source);
    QCOMPARE(model.index(0, JobsModel::ActivityColumn).data().toString(), activity);
    QCoreApplication::removeTranslator(&german);
}

void TestModels::germanFileStatesSayWhatIsHappening_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("german");
    // "Importiert" is "imported" (done) for a file at 6 %; "Wiederholt" reads as "repeated".
    QTest::newRow("running") << int(FileState::Running) << QStringLiteral("Wird importiert");
    QTest::newRow("retrying") << int(FileState::Retrying) << QStringLiteral("Wird wiederholt");
    QTest::newRow("pending") << int(FileState::Pending) << QStringLiteral("Wartend");
    QTest::newRow("completed") << int(FileState::Completed) << QStringLiteral("Abgeschlossen");
}

void TestModels::germanFileStatesSayWhatIsHappening()
{
    QFETCH(int, state);
    QFETCH(QString, german);
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/bulkwatch_de.qm")));
    QCoreApplication::installTranslator(&de);
    const QString text = FilesModel::stateText(FileState(state));
    QCoreApplication::removeTranslator(&de);
    QCOMPARE(text, german);
}

void TestModels::sizesAreBinaryAndSaySo()
{
    // The support report says "610.4 MiB (640,000,000 bytes)"; the table said "610.4 MB" for the same file.
    QCOMPARE(JobFormatter::bytesText(640000000), QStringLiteral("610.4 MiB"));
    QCOMPARE(JobFormatter::bytesText(qint64(14495514624)), QStringLiteral("13.5 GiB"));
}

// Against the simulator: a completed job's state cell follows its collection (building the index, with rows, then
// Searchable, with the phase role the bar is coloured by) instead of a frozen "Completed"; one aborted from
// Bulkwatch reads Aborted, not Failed.
void TestModels::theTableSaysThePhaseAfterTheImportAndAborted()
{
    const QString kId = QStringLiteral("453240863839750922");
    const QString kStaged = QStringLiteral("453240863839750924");
    SimScenario s;
    // 2,000 rows written at 30 s, indexed at 230 s: the building phase lasts ~9 s of real time at speed 20, so a
    // loaded machine cannot skip past it between two polls.
    s.indexRowsPerSecond = 10;
    s.jobs << timelineJob(kId);
    SimJob staged = timelineJob(kStaged);
    staged.twoPhase = true;
    staged.createdAt = -100; // waiting for commit or abort
    s.jobs << staged;
    SimFixture sim(s);
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    o.collectionIntervalMs = 100;
    service.setOptions(o);
    JobsModel model(&service);
    const auto cell = [&](const QString &id, int role = Qt::DisplayRole) {
        const int row = model.rowOf(jobKey(id));
        return row < 0 ? QVariant() : model.data(model.index(row, JobsModel::StateColumn), role);
    };
    QStringList seen;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
        const QString t = cell(kId).toString();
        if (seen.value(seen.size() - 1) != t)
            seen << t;
    });
    // The Searchable tab: only the job whose collection is indexed and loaded, once it is.
    JobFilterProxy searchable;
    searchable.setSourceModel(&model);
    searchable.setStateFilter(JobFilterProxy::StateFilter::Searchable);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(jobKey(kId)) >= 0, 10000);
    QCOMPARE(searchable.rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(cell(kId).toString(), QStringLiteral("Searchable"), 30000);
    QCOMPARE(cell(kId, JobsModel::CollectionPhaseRole).toInt(), int(CollectionPhase::Searchable));
    QTRY_COMPARE(searchable.rowCount(), 1);
    QCOMPARE(searchable.index(0, 0).data(JobsModel::KeyRole).toString(), jobKey(kId));
    QCOMPARE(searchable.countFor(JobFilterProxy::StateFilter::Searchable), 1);
    QVERIFY2(std::any_of(seen.begin(), seen.end(), [](const QString &t) { return t.startsWith(QStringLiteral("Building the index — ")); }),
             qPrintable(seen.join(QLatin1String(" | "))));
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(kStaged)) && service.job(jobKey(kStaged))->job.state == JobState::Finalizing, 10000);
    bool answered = false;
    service.abortJob(jobKey(kStaged), [&](const ApiError &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(kStaged).toString(), QStringLiteral("Aborted"), 10000);
}
#endif

QTEST_MAIN(TestModels)
#include "tst_models.moc"
