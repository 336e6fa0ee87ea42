// Jobs and files models: polls arrive as diffs (inserts, spans of dataChanged, removals), never as resets;
// the filter proxy finds what a user asks for. A QAbstractItemModelTester watches every step.

#include "FilesModel.h"
#include "ImportService.h"
#include "JobFilterProxy.h"
#include "JobsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

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
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pollsAreAppliedAsDiffsNeverResets();

    void cellsSayWhatAUserNeeds();

    void proxyFiltersByStateConnectionAndText();

    void filesUpdateInPlaceForTheSameJob();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
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
    QCOMPARE(cell(1, JobsModel::EtaColumn), QStringLiteral("50 s"));
    QCOMPARE(cell(1, JobsModel::ActivityColumn), QStringLiteral("moving"));
    QCOMPARE(cell(2, JobsModel::StateColumn), QStringLiteral("Expired (last: Completed)"));
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
}

#endif

QTEST_MAIN(TestModels)
#include "tst_models.moc"
