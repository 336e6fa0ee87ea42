// AnswerMerge: the pure diff and merge the service runs (the diff off the GUI thread for large answers).

#include "AnswerMerge.h"
#include "FilesModel.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {
JobProgress jobWith(int files)
{
    JobProgress j;
    j.jobId = QStringLiteral("453240863839750923");
    j.state = JobState::Running;
    j.progress = 40;
    for (int i = 0; i < files; ++i) {
        FileProgress f;
        f.fileName = QStringLiteral("part-%1.parquet").arg(i);
        f.state = FileState::Running;
        f.progress = 40;
        j.files << f;
    }
    return j;
}
} // namespace

class TestAnswerMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void diffNamesOnlyTheChangedFiles_data()
    {
        QTest::addColumn<QVector<int>>("touched");
        QTest::addColumn<bool>("same");
        QTest::newRow("nothing moved") << QVector<int>{} << true;
        QTest::newRow("one file") << QVector<int>{7} << false;
        QTest::newRow("first and last") << QVector<int>{0, 1023} << false;
        QTest::newRow("a span") << QVector<int>{10, 11, 12, 13} << false;
    }
    void diffNamesOnlyTheChangedFiles()
    {
        QFETCH(QVector<int>, touched);
        QFETCH(bool, same);
        const JobProgress before = jobWith(1024);
        JobProgress after = before;
        for (int i : touched)
            after.files[i].progress = 90;
        const AnswerMerge::Delta d = AnswerMerge::diff(before, after);
        QCOMPARE(d.same, same);
        QVERIFY(!d.filesReplaced);
        QCOMPARE(d.changedFiles, touched);
    }

    void aJobLevelChangeIsNotSameButTouchesNoFile()
    {
        const JobProgress before = jobWith(3);
        JobProgress after = before;
        after.importedRows = 12;
        const AnswerMerge::Delta d = AnswerMerge::diff(before, after);
        QVERIFY(!d.same);
        QVERIFY(d.changedFiles.isEmpty());
        QVERIFY(!d.filesReplaced);
    }

    void anotherCountOrOrderReplacesTheList()
    {
        const JobProgress before = jobWith(3);
        QVERIFY(AnswerMerge::diff(before, jobWith(4)).filesReplaced);
        JobProgress reordered = before;
        std::swap(reordered.files[0], reordered.files[2]);
        QVERIFY(AnswerMerge::diff(before, reordered).filesReplaced);
    }

    void applyingCountsTheGenerationAndLoadsTheFiles()
    {
        JobRecord r;
        r.job = jobWith(2);
        r.filesLoaded = false;
        const quint64 g = r.generation;
        const QDateTime t(QDate(2026, 1, 1), QTime(12, 0), QTimeZone(0));
        AnswerMerge::apply(r, jobWith(2), true, t);
        QCOMPARE(r.generation, g + 1);
        QVERIFY(r.filesLoaded);
        QVERIFY(r.hasDetails);
        QCOMPARE(r.lastAnswer, t);
        // A list summary keeps the files the last describe brought.
        JobProgress summary = r.job;
        summary.files.clear();
        summary.state = JobState::Completed;
        AnswerMerge::apply(r, summary, false, t.addSecs(5));
        QCOMPARE(r.job.files.size(), 2);
        QCOMPARE(r.endedAt, t.addSecs(5));
    }

    void theFilesModelAnnouncesOnlyTheDeltaRows()
    {
        FilesModel model;
        const JobProgress before = jobWith(100);
        model.setFiles(QStringLiteral("k"), before.files);
        JobProgress after = before;
        for (int i : {3, 4, 5, 60})
            after.files[i].progress = 99;
        const AnswerMerge::Delta d = AnswerMerge::diff(before, after);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.applyDelta(QStringLiteral("k"), after.files, d.changedFiles, d.filesReplaced);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 2); // rows 3–5 and row 60
        QCOMPARE(changed[0][0].toModelIndex().row(), 3);
        QCOMPARE(changed[0][1].toModelIndex().row(), 5);
        QCOMPARE(changed[1][0].toModelIndex().row(), 60);
        QCOMPARE(model.file(60)->progress, 99.0);
        // The same shared list handed over again (the window's own refresh) compares nothing and says nothing.
        model.setFiles(QStringLiteral("k"), after.files);
        QCOMPARE(changed.size(), 2);
        // Another job's delta is not this view's business.
        model.applyDelta(QStringLiteral("other"), jobWith(1).files, {0}, false);
        QCOMPARE(model.rowCount(), 100);
    }
};

QTEST_GUILESS_MAIN(TestAnswerMerge)
#include "tst_answermerge.moc"
