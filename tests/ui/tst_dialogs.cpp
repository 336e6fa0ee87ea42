// The dialogs, offscreen, against the real simulator: Watch by ID (pasted JSON, checked with the server, no ghost
// rows), Add connection (validation per type, what was tried, a stable layout), New import (bucket keys, the
// server's collections), Preferences.

#include "AddJobDialog.h"
#include "ImportService.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace {
// A simulator whose job list fails: the service knows no job by itself, so each watched ID is the dialog's doing.
struct Watching
{
    explicit Watching(const SimScenario &s = basicScenario()) : sim(s), service(nullptr, nullptr)
    {
        SimFaultRule listDown;
        listDown.kind = QStringLiteral("status");
        listDown.status = 503;
        listDown.path = QStringLiteral("/jobs/import/list");
        sim.server->addFault(listDown);
        service.setOptions(fastOptions());
        service.start();
        service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Staging")), std::nullopt);
    }
    int describes() const { return sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/describe")); }
    SimFixture sim;
    ImportService service;
};
} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void theJobIdIsFoundInWhatWasPasted_data();
    void theJobIdIsFoundInWhatWasPasted();
    void aPastedJsonLineOfAKnownJobIsCheckedAndWatched();
    void anIdTheServerDoesNotKnowIsRefusedWithoutAGhostRow();
    void whenTheServerCannotBeAskedTheUserMayAddAnywayOrCheckAgain();
};

#ifndef Q_MOC_RUN
void TestDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSettings().fileName().contains(QLatin1String(".qttest")), qPrintable(QSettings().fileName()));
}

void TestDialogs::init()
{
    QSettings().clear();
}

void TestDialogs::theJobIdIsFoundInWhatWasPasted_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("id");
    QTest::newRow("bare") << "453240863839750922" << "453240863839750922";
    QTest::newRow("quoted, spaces") << "  \"448761313698322011\"  " << "448761313698322011";
    QTest::newRow("a JSON line with its comma") << "\"jobId\": \"453240863839750922\"," << "453240863839750922";
    QTest::newRow("a JSON line, indented") << "    \"jobId\":\"job-01fa0e5d42cjxudhpuehyp\",\n" << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("a whole answer") << "{\"code\":0,\"data\":{\"jobId\":\"453240863839750923\"}}" << "453240863839750923";
    QTest::newRow("a request body") << "{\"jobId\": \"453240863839750924\", \"dbName\": \"default\"}" << "453240863839750924";
    QTest::newRow("a log line") << "2026-01-02 import started jobID=453240863839750925 collection=x" << "453240863839750925";
    QTest::newRow("snake case") << "job_id: 'job-01fa0e5d42cjxudhpuehyp'" << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("cloud id") << "job-01fa0e5d42cjxudhpuehyp," << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("not an id") << "45324 0863" << "45324 0863";
}

void TestDialogs::theJobIdIsFoundInWhatWasPasted()
{
    QFETCH(QString, pasted);
    QFETCH(QString, id);
    QCOMPARE(ImportService::extractJobId(pasted), id);
}

void TestDialogs::aPastedJsonLineOfAKnownJobIsCheckedAndWatched()
{
    Watching w;
    AddJobDialog dialog(&w.service, QStringLiteral("sim"));
    dialog.idEdit()->setText(QStringLiteral("\"jobId\": \"453240863839750922\","));
    QVERIFY2(dialog.problemText().isEmpty(), qPrintable(dialog.problemText()));
    QVERIFY(dialog.watchButton()->isEnabled());
    // It says which ID it found, so a paste that went wrong shows.
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    const auto found = std::find_if(labels.begin(), labels.end(), [](QLabel *l) { return l->accessibleName() == QLatin1String("Job ID found"); });
    QVERIFY(found != labels.end());
    QCOMPARE((*found)->text(), QStringLiteral("Will watch job 453240863839750922"));
    const int before = w.describes();
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QVERIFY(w.describes() > before); // it was asked, not assumed
    QCOMPARE(dialog.addedKey(), jobKey(QStringLiteral("453240863839750922")));
    QVERIFY(w.service.job(jobKey(QStringLiteral("453240863839750922"))));
    QTRY_VERIFY_WITH_TIMEOUT(w.service.job(jobKey(QStringLiteral("453240863839750922")))->hasDetails, 10000);
}

void TestDialogs::anIdTheServerDoesNotKnowIsRefusedWithoutAGhostRow()
{
    Watching w;
    AddJobDialog dialog(&w.service, QStringLiteral("sim"));
    dialog.idEdit()->setText(QStringLiteral("448761313698322011"));
    const int before = w.describes();
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking() && w.describes() > before, 10000);
    QVERIFY2(dialog.problemText().contains(QLatin1String("Staging does not know job 448761313698322011")), qPrintable(dialog.problemText()));
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(!dialog.watchButton()->isEnabled()); // not again, until the ID or the connection changes
    dialog.accept();                              // Enter pressed again
    QVERIFY(w.service.jobs().isEmpty());
    QVERIFY(!w.service.job(jobKey(QStringLiteral("448761313698322011"))));
    // Nothing polls it later either.
    const int now = w.describes();
    QVERIFY(waitUntil([&] { return w.sim.server->requestCount() >= now + 5; }, 10000)); // the service went on (list)
    QCOMPARE(w.describes(), now);
    QVERIFY(w.service.jobs().isEmpty());
    // Editing the ID makes it checkable again.
    dialog.idEdit()->setText(QStringLiteral("453240863839750923"));
    QVERIFY(dialog.watchButton()->isEnabled());
    QVERIFY(dialog.problemText().isEmpty());
}

void TestDialogs::whenTheServerCannotBeAskedTheUserMayAddAnywayOrCheckAgain()
{
    Watching w;
    SimFaultRule reset;
    reset.kind = QStringLiteral("reset");
    reset.path = QStringLiteral("/jobs/import/describe");
    w.sim.server->addFault(reset);
    AddJobDialog dialog(&w.service, QStringLiteral("sim"));
    dialog.idEdit()->setText(QStringLiteral("453240863839750922"));
    QVERIFY(!dialog.checkAgainButton()->isVisible());
    dialog.show();
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking(), 15000);
    QVERIFY2(dialog.problemText().contains(QLatin1String("Could not check job 453240863839750922 with Staging")), qPrintable(dialog.problemText()));
    QVERIFY2(dialog.problemText().contains(QLatin1String("Cannot reach the server")), qPrintable(dialog.problemText()));
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(w.service.jobs().isEmpty());
    QCOMPARE(dialog.watchButton()->text(), QStringLiteral("&Watch anyway"));
    QVERIFY(dialog.watchButton()->isEnabled());
    QVERIFY(dialog.checkAgainButton()->isVisible());
    // Check again, once the server answers: it knows the job, and it is watched.
    w.sim.server->clearFaults();
    SimFaultRule listDown;
    listDown.kind = QStringLiteral("status");
    listDown.status = 503;
    listDown.path = QStringLiteral("/jobs/import/list");
    w.sim.server->addFault(listDown);
    QTest::mouseClick(dialog.checkAgainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QVERIFY(w.service.job(jobKey(QStringLiteral("453240863839750922"))));

    // Watch anyway: the user's choice, taken without asking again.
    w.sim.server->addFault(reset);
    AddJobDialog second(&w.service, QStringLiteral("sim"));
    second.show();
    second.idEdit()->setText(QStringLiteral("453240863839750923"));
    second.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!second.isChecking() && second.checkAgainButton()->isVisible(), 15000);
    QTest::mouseClick(second.watchButton(), Qt::LeftButton);
    QCOMPARE(second.result(), int(QDialog::Accepted));
    QVERIFY(w.service.job(jobKey(QStringLiteral("453240863839750923"))));
}
#endif

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
