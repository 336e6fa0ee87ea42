// The window after a crash that left a create without an answer: a message above the jobs says which import
// may not have reached which server, Resend sends it once more with the same key (one job on the server, which
// the window then selects), Discard sends nothing; a create found on the server by itself is only reported.

#include "HistoryStore.h"
#include "ImportService.h"
#include "JobsModel.h"
#include "MainWindow.h"
#include "StatusMessages.h"
#include "UnconfirmedCreatesBar.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
const QString kKey = QStringLiteral("bw-crashed-0002");
const QDateTime kWhen(QDate(2026, 12, 2), QTime(9, 30), QTimeZone(0));

void crashedHistory(const QString &path, const SimFixture &sim)
{
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY(store.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod"))));
    const QJsonObject params{{QStringLiteral("collectionName"), QStringLiteral("product_embeddings")},
                             {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("emb/1.parquet")}}},
                             {QStringLiteral("options"), QJsonObject{}},
                             {QStringLiteral("idempotencyKey"), kKey}};
    QVERIFY(store.savePendingCreate({kKey, QStringLiteral("sim"), params, kWhen}));
}

SimFaultRule listFails()
{
    SimFaultRule f;
    f.kind = QStringLiteral("status");
    f.path = QStringLiteral("/jobs/import/list");
    f.remaining = -1;
    f.status = 503;
    f.body = "{\"code\":65535,\"message\":\"unexpected\"}";
    return f;
}

struct Session
{
    HistoryStore store;
    std::unique_ptr<ImportService> service;
    std::unique_ptr<MainWindow> window;
    UnconfirmedCreatesBar *bar = nullptr;
    bool open(const QString &path)
    {
        QString error;
        if (!store.open(path, &error))
            return false;
        service = std::make_unique<ImportService>(&store, nullptr);
        service->setOptions(fastOptions());
        service->start();
        window = std::make_unique<MainWindow>(service.get());
        window->show();
        bar = window->findChild<UnconfirmedCreatesBar *>();
        return bar != nullptr;
    }
};
} // namespace

class TestUnconfirmedCreates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resendFromTheBarMakesOneJobAndSelectsIt_data();
    void resendFromTheBarMakesOneJobAndSelectsIt();
    void discardFromTheBarSendsNothing();
    void oneFoundOnTheServerIsOnlyReported();
};

#ifndef Q_MOC_RUN
void TestUnconfirmedCreates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestUnconfirmedCreates::resendFromTheBarMakesOneJobAndSelectsIt_data()
{
    QTest::addColumn<bool>("reached");
    QTest::newRow("the first send had made the job") << true;
    QTest::newRow("the first send never arrived") << false;
}

void TestUnconfirmedCreates::resendFromTheBarMakesOneJobAndSelectsIt()
{
    QFETCH(bool, reached);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    if (reached) {
        QNetworkAccessManager nam;
        QVERIFY(sim.post(nam, QStringLiteral("/v2/vectordb/jobs/import/create"),
                         QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("product_embeddings")},
                                     {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("emb/1.parquet")}}}},
                         {{"Idempotency-Key", kKey.toLatin1()}}).answered);
    }
    sim.server->addFault(listFails()); // the service cannot find it by itself: the user is asked
    crashedHistory(path, sim);
    Session s;
    QVERIFY(s.open(path));
    QTRY_VERIFY_WITH_TIMEOUT(s.bar->isVisible(), 10000);
    const QString when = QLocale().toString(kWhen.toLocalTime(), QLocale::ShortFormat);
    QCOMPARE(s.bar->texts(), QStringList{QStringLiteral("An import of product_embeddings started at %1 may not have reached Prod.").arg(when)});
    QPushButton *resend = s.bar->resendButton(0);
    QVERIFY(resend && resend->isVisible());
    QVERIFY(resend->toolTip().contains(QLatin1String("same Idempotency-Key")));
    QVERIFY(resend->toolTip().contains(QLatin1String("ignores the key could import them a second time")));
    // The message is above the jobs.
    QVERIFY(s.bar->mapTo(s.window.get(), QPoint(0, 0)).y() < s.window->jobsView()->mapTo(s.window.get(), QPoint(0, 0)).y());

    const int createsBefore = sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create"));
    QTest::mouseClick(resend, Qt::LeftButton);
    QVERIFY(!s.bar->isVisible()); // not offered twice while it is sent
    QTRY_COMPARE_WITH_TIMEOUT(s.window->statusMessages()->text(), QStringLiteral("The import of product_embeddings was sent again."), 10000);
    QVERIFY(!s.bar->isVisible());
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create")), createsBefore + 1);
    QCOMPARE(sim.server->engine().createdJobCount(), 1); // one job, whether the first send had made it or not
    const QString jobId = sim.server->engine().jobs(QString(), QString()).value(0)->id;
    QTRY_COMPARE_WITH_TIMEOUT(s.window->selectedJobKey(), jobKey(jobId), 5000);
    s.service->flush();
    QVERIFY(s.store.pendingCreates().isEmpty());
}

void TestUnconfirmedCreates::discardFromTheBarSendsNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    crashedHistory(path, sim);
    Session s;
    QVERIFY(s.open(path));
    QTRY_VERIFY_WITH_TIMEOUT(s.bar->isVisible(), 10000);
    QTest::mouseClick(s.bar->discardButton(0), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!s.bar->isVisible(), 5000);
    QCOMPARE(s.window->statusMessages()->text(), QStringLiteral("The import of product_embeddings was discarded."));
    const int from = sim.server->requestCount();
    QVERIFY(waitUntil([&] { return sim.server->requestCount() >= from + 5; }, 10000));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create")), 0);
    s.service->flush();
    QVERIFY(s.store.pendingCreates().isEmpty());
}

void TestUnconfirmedCreates::oneFoundOnTheServerIsOnlyReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    SimFixture sim(SimScenario{});
    QNetworkAccessManager nam;
    const RawReply made = sim.post(nam, QStringLiteral("/v2/vectordb/jobs/import/create"),
                                   QJsonObject{{QStringLiteral("collectionName"), QStringLiteral("product_embeddings")},
                                               {QStringLiteral("files"), QJsonArray{QJsonArray{QStringLiteral("emb/1.parquet")}}}},
                                   {{"Idempotency-Key", kKey.toLatin1()}});
    const QString jobId = made.data().value(QLatin1String("jobId")).toString();
    QVERIFY(!jobId.isEmpty());
    crashedHistory(path, sim);
    Session s;
    QVERIFY(s.open(path));
    const QString when = QLocale().toString(kWhen.toLocalTime(), QLocale::ShortFormat);
    QTRY_COMPARE_WITH_TIMEOUT(s.window->statusMessages()->text(),
                              QStringLiteral("The import of product_embeddings started at %1 reached Prod as job %2.").arg(when, jobId), 10000);
    QVERIFY(!s.bar->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(s.window->jobsModel()->rowOf(jobKey(jobId)) >= 0, 5000); // followed like any other job
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create")), 1); // the first send only
}
#endif

QTEST_MAIN(TestUnconfirmedCreates)
#include "tst_unconfirmedcreates.moc"
