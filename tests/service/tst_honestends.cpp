// Honest ends: a job aborted from Bulkwatch is Aborted, not a failure; a state that moves backwards and ends
// again is not a second end; both survive a restart. Against the simulator over HTTP, with a real history.

#include "HistoryStore.h"
#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kId = QStringLiteral("453240863839750922");

int endsTo(const QSignalSpy &spy, JobState to)
{
    int n = 0;
    for (const QList<QVariant> &args : spy)
        n += args.at(2).value<JobState>() == to ? 1 : 0;
    return n;
}
} // namespace

class TestHonestEnds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<JobRecord>(); qRegisterMetaType<JobState>(); }
    void anAbortFromBulkwatchIsAbortedNotFailed();
    void aStateThatMovesBackwardsEndsOnce();
};

#ifndef Q_MOC_RUN
void TestHonestEnds::anAbortFromBulkwatchIsAbortedNotFailed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimScenario s;
    SimJob staged = timelineJob(kId);
    staged.twoPhase = true;
    staged.createdAt = -100; // Uncommitted, waiting for commit or abort
    s.jobs << staged;
    SimJob failing = timelineJob(QStringLiteral("453240863839750923"));
    failing.createdAt = -100;
    failing.failAt = 25;
    failing.failReason = QStringLiteral("JSON parse: unexpected EOF");
    s.jobs << failing;
    SimFixture sim(s);
    {
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        ImportService service(&store, nullptr);
        service.setOptions(fastOptions());
        service.start();
        service.saveConnection(simConnection(sim), std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(kId)) && service.job(jobKey(kId))->job.state == JobState::Finalizing, 10000);
        bool answered = false;
        ApiError result;
        service.abortJob(jobKey(kId), [&](const ApiError &e) { result = e; answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
        QVERIFY2(!result.isError(), qPrintable(result.summary()));
        QTRY_COMPARE_WITH_TIMEOUT(service.job(jobKey(kId))->job.state, JobState::Failed, 10000);
        QVERIFY(service.job(jobKey(kId))->aborted());
        QCOMPARE(service.job(jobKey(kId))->endName(), QStringLiteral("aborted"));
        // A job that failed by itself stays a failure.
        QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923"))), 10000);
        QVERIFY(!service.job(jobKey(QStringLiteral("453240863839750923")))->aborted());
        QCOMPARE(service.job(jobKey(QStringLiteral("453240863839750923")))->endName(), QStringLiteral("failed"));
        service.flush();
    }
    HistoryStore again;
    QString error;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    bool found = false;
    for (const JobRecord &r : again.jobs(HistoryStore::Files::Lazy)) {
        if (r.job.jobId == kId) {
            found = true;
            QVERIFY(r.aborted());
            QCOMPARE(r.endedAs, JobState::Failed);
        }
    }
    QVERIFY(found);
}

void TestHonestEnds::aStateThatMovesBackwardsEndsOnce()
{
    SimScenario s;
    SimJob j = timelineJob(kId);
    j.createdAt = -45; // completes 5 s from now
    s.jobs << j;
    SimFixture sim(s);
    sim.server->engine().setSpeed(5);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    QSignalSpy transitions(&service, &ImportService::jobTransition);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(endsTo(transitions, JobState::Completed), 1, 15000);
    // A lagging answer says it imports again, then the next ones say Completed once more.
    SimFaultRule back;
    back.kind = QStringLiteral("status");
    back.status = 200;
    back.path = QStringLiteral("/jobs/import/");
    back.remaining = 1;
    back.body = QStringLiteral("{\"code\":0,\"data\":{\"records\":[{\"collectionName\":\"quick_setup\",\"jobId\":\"%1\",\"progress\":60,"
                               "\"state\":\"Importing\"}],\"jobId\":\"%1\",\"state\":\"Importing\",\"progress\":60}}").arg(kId).toUtf8();
    sim.server->addFault(back);
    QTRY_VERIFY_WITH_TIMEOUT(endsTo(transitions, JobState::Running) >= 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(jobKey(kId))->job.state, JobState::Completed, 15000);
    QCOMPARE(endsTo(transitions, JobState::Completed), 1);
}
#endif

QTEST_GUILESS_MAIN(TestHonestEnds)
#include "tst_honestends.moc"
