// kill -9 while the history is being written: on restart the database opens and holds the last committed state.

#include "HistoryStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCrashSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aKilledWriterLeavesTheLastCommittedState_data();
    void aKilledWriterLeavesTheLastCommittedState();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestCrashSafety::aKilledWriterLeavesTheLastCommittedState_data()
{
    QTest::addColumn<int>("afterCommits");
    QTest::newRow("early") << 3;
    QTest::newRow("later") << 40;
}

void TestCrashSafety::aKilledWriterLeavesTheLastCommittedState()
{
    QFETCH(int, afterCommits);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    QProcess writer;
    writer.start(QStringLiteral(HISTORY_WRITER), {path});
    QVERIFY(writer.waitForStarted());
    int lastSeen = 0;
    while (lastSeen < afterCommits && writer.waitForReadyRead(10000)) {
        while (writer.canReadLine())
            lastSeen = QString::fromLatin1(writer.readLine()).section(QLatin1Char(' '), 1).trimmed().toInt();
    }
    QVERIFY(lastSeen >= afterCommits);
    writer.kill(); // SIGKILL, in the middle of whatever it was writing
    writer.waitForFinished();
    while (writer.canReadLine())
        lastSeen = std::max(lastSeen, QString::fromLatin1(writer.readLine()).section(QLatin1Char(' '), 1).trimmed().toInt());

    HistoryStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const auto jobs = store.jobs();
    QCOMPARE(jobs.size(), 50);
    // One transaction's worth, whole: every record of the same generation, at least the last one announced.
    const qint64 generation = jobs.first().job.importedRows.value_or(-1);
    QVERIFY2(generation >= lastSeen, qPrintable(QStringLiteral("%1 < %2").arg(generation).arg(lastSeen)));
    for (const JobRecord &r : jobs) {
        QCOMPARE(r.job.importedRows.value_or(-1), generation);
        QCOMPARE(r.job.files.size(), 20);
        QVERIFY(r.job.files.first().fileName.startsWith(QStringLiteral("[gen-%1/").arg(generation)));
    }
    QVERIFY(store.saveJobs(jobs)); // and it is writable again
}

#endif

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
