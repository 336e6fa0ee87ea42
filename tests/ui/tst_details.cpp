// The details pane, offscreen: it says what the table says, follows the clock between answers, offers Commit and
// Abort beside the explanation of a two-phase job, and narrows hundreds of files to the failed ones.

#include "CollectionSection.h"
#include "FilesModel.h"
#include "ImportService.h"
#include "JobDetailsPanel.h"
#include "JobFormatter.h"
#include "JobsModel.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"

#include "JobsColumns.h"

#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QMessageBox>
#include <QTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

namespace {
JobRecord rec(const QString &id, JobState state, const QString &serverState, const QDateTime &now)
{
    JobRecord r;
    r.connectionId = QStringLiteral("c1");
    r.job.jobId = id;
    r.job.collectionName = QStringLiteral("books");
    r.job.state = state;
    r.job.serverState = serverState;
    r.hasDetails = true;
    r.firstSeen = now.addSecs(-900);
    r.lastAnswer = now;
    r.lastChange = now;
    return r;
}

FileProgress file(int i, FileState state)
{
    FileProgress f;
    f.fileName = QStringLiteral("[part-%1.parquet]").arg(i);
    f.state = state;
    f.progress = state == FileState::Completed ? 100 : 48;
    return f;
}
} // namespace

class TestDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void headerSaysWhatTheTableSays();

    void noChangeForUpdatesWithTheClock();

    void commitAndAbortSitBesideTheExplanation();

    void failedFilesOnlyAndTheSummary();
    void answersInPlaceKeepTheFilterAndTheSummary();

    void aFailedJobsFilesAreFinal();
    void filesFitTheWindowWithPathsElidedInTheMiddle();

    void theCollectionAfterTheImport_data();
    void theCollectionAfterTheImport();

private:
    void show(const JobRecord &r);

    QTranslator m_english; // the plural forms, as the app loads them for an English locale
    QDateTime m_now;
    std::unique_ptr<ImportService> m_service;
    std::unique_ptr<JobsModel> m_jobs;
    std::unique_ptr<FilesModel> m_files;
    std::unique_ptr<JobDetailsPanel> m_panel;
};

#ifndef Q_MOC_RUN
void TestDetails::initTestCase()
{
    QVERIFY(m_english.load(QStringLiteral(":/i18n/bulkwatch_en.qm")));
    QCoreApplication::installTranslator(&m_english);
}

void TestDetails::init()
{
    m_now = QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone(0));
    m_service = std::make_unique<ImportService>(nullptr, nullptr);
    m_service->setClock([this] { return m_now; });
    m_jobs = std::make_unique<JobsModel>(m_service.get());
    m_files = std::make_unique<FilesModel>();
    m_panel = std::make_unique<JobDetailsPanel>(m_files.get());
    m_panel->setJobsModel(m_jobs.get());
    m_panel->resize(780, 400);
    m_panel->show();
}

void TestDetails::cleanup()
{
    m_panel.reset();
    m_files.reset();
    m_jobs.reset();
    m_service.reset();
}

void TestDetails::show(const JobRecord &r)
{
    Q_EMIT m_service->jobChanged(r);
    m_jobs->applyPending();
    m_panel->showJob(m_jobs->record(m_jobs->rowOf(r.key())), m_now, true);
}

void TestDetails::headerSaysWhatTheTableSays()
{
    JobRecord sorting = rec(QStringLiteral("1"), JobState::Running, QStringLiteral("Importing"), m_now);
    sorting.job.progress = 80;
    sorting.job.files = {file(0, FileState::Completed), file(1, FileState::Completed)};
    show(sorting);
    const QString table = m_jobs->index(m_jobs->rowOf(sorting.key()), JobsModel::StateColumn).data().toString();
    QCOMPARE(table, QStringLiteral("Sorting / indexing"));
    QVERIFY2(m_panel->titleText().endsWith(table), qPrintable(m_panel->titleText())); // not "Running"
}

void TestDetails::noChangeForUpdatesWithTheClock()
{
    JobRecord r = rec(QStringLiteral("2"), JobState::Running, QStringLiteral("Importing"), m_now);
    r.job.importedRows = 10;
    r.job.totalRows = 100;
    r.lastChange = m_now.addSecs(-149);
    show(r);
    QVERIFY2(m_panel->phaseText().contains(QLatin1String("No change for 2 min 29 s")), qPrintable(m_panel->phaseText()));
    // No answer arrives; the clock moves. The model's tick (while a job is active) repaints the pane too.
    m_now = m_now.addSecs(60);
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->phaseText().contains(QLatin1String("No change for 3 min 29 s")), qPrintable(m_panel->phaseText()), 10000);
    QVERIFY(m_panel->factsText().contains(QLatin1String("Duration: 16 min 0 s")));
    // Created (the server's; this one sends none) and first seen (Bulkwatch's), each named for what it is.
    QVERIFY2(m_panel->timesText().startsWith(QStringLiteral("Created: — (the server does not say) · First seen by Bulkwatch: ")
                                             + JobFormatter::localText(r.firstSeen)),
             qPrintable(m_panel->timesText()));
}

void TestDetails::commitAndAbortSitBesideTheExplanation()
{
    JobRecord staged = rec(QStringLiteral("3"), JobState::Finalizing, QStringLiteral("Uncommitted"), m_now);
    staged.job.progress = 99;
    staged.lastChange = m_now.addSecs(-600);
    show(staged);
    QVERIFY(m_panel->commitButton()->isVisible());
    QVERIFY(m_panel->abortButton()->isVisible());
    QVERIFY(m_panel->phaseText().contains(QLatin1String("waits for a commit or an abort")));
    QVERIFY2(!m_panel->phaseText().contains(QLatin1String("No change")), qPrintable(m_panel->phaseText())); // it waits for the user
    QVERIFY(m_panel->factsText().contains(QStringLiteral("ETA: —")));
    QVERIFY(m_panel->factsToolTip().contains(QLatin1String("waits for you to commit or abort")));
    QSignalSpy commit(m_panel.get(), &JobDetailsPanel::commitRequested);
    QSignalSpy abort(m_panel.get(), &JobDetailsPanel::abortRequested);
    QTest::mouseClick(m_panel->commitButton(), Qt::LeftButton);
    QCOMPARE(commit.size(), 1);
    QTest::mouseClick(m_panel->abortButton(), Qt::LeftButton);
    QCOMPARE(abort.size(), 1);
    // Committed: the buttons go.
    staged.job.state = JobState::Completed;
    staged.job.serverState = QStringLiteral("Completed");
    show(staged);
    QVERIFY(!m_panel->commitButton()->isVisible());
    QVERIFY(!m_panel->abortButton()->isVisible());
}

void TestDetails::failedFilesOnlyAndTheSummary()
{
    JobRecord many = rec(QStringLiteral("4"), JobState::Running, QStringLiteral("Importing"), m_now);
    for (int i = 0; i < 300; ++i)
        many.job.files << file(i, i < 12 ? FileState::Completed : (i == 200 ? FileState::Failed : FileState::Running));
    show(many);
    QCOMPARE(m_panel->filesSummaryText(), QStringLiteral("300 files: 12 done, 1 failed, 287 importing"));
    QVERIFY(m_panel->failedOnlyBox()->isVisible());
    QTableView *view = m_panel->filesView();
    QVERIFY(!view->isRowHidden(0));
    m_panel->failedOnlyBox()->setChecked(true);
    int shown = 0;
    for (int row = 0; row < 300; ++row)
        shown += view->isRowHidden(row) ? 0 : 1;
    QCOMPARE(shown, 1);
    QVERIFY(!view->isRowHidden(200));
    // The next answer (a reset of the files model) keeps the filter.
    many.job.files[201].state = FileState::Failed;
    many.job.files.removeLast();
    show(many);
    QVERIFY(!view->isRowHidden(201));
    QVERIFY(view->isRowHidden(0));
    QCOMPARE(m_panel->filesSummaryText(), QStringLiteral("299 files: 12 done, 2 failed, 285 importing"));
    m_panel->failedOnlyBox()->setChecked(false);
    QVERIFY(!view->isRowHidden(0));
}

void TestDetails::answersInPlaceKeepTheFilterAndTheSummary()
{
    JobRecord many = rec(QStringLiteral("6"), JobState::Running, QStringLiteral("Importing"), m_now);
    for (int i = 0; i < 300; ++i)
        many.job.files << file(i, i == 200 ? FileState::Failed : FileState::Running);
    show(many);
    m_panel->failedOnlyBox()->setChecked(true);
    QTableView *view = m_panel->filesView();
    const auto shownRows = [view] {
        QList<int> rows;
        for (int row = 0; row < 300; ++row) {
            if (!view->isRowHidden(row))
                rows << row;
        }
        return rows;
    };
    QCOMPARE(shownRows(), QList<int>{200});
    QVERIFY(view->isColumnHidden(FilesModel::ReasonColumn)); // no file has a reason yet

    // The service's delta: scattered rows, one dataChanged per span, and the summary made once, at the end.
    QVector<FileProgress> files = many.job.files;
    files[10].state = FileState::Failed;
    files[10].reason = QStringLiteral("row 7: the vector has 767 dimensions, the field 768");
    files[11].state = FileState::Completed;
    files[11].progress = 100;
    files[250].state = FileState::Failed;
    files[299].progress = 60;
    QSignalSpy spans(m_files.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy updates(m_files.get(), &FilesModel::filesUpdated);
    m_files->applyDelta(many.key(), files, {10, 11, 250, 299}, false);
    QCOMPARE(spans.size(), 3);
    QCOMPARE(updates.size(), 1);
    QCOMPARE(shownRows(), (QList<int>{10, 200, 250}));
    QVERIFY(!view->isColumnHidden(FilesModel::ReasonColumn));
    QCOMPARE(m_panel->filesSummaryText(), QStringLiteral("300 files: 1 done, 3 failed, 296 importing"));

    // The same size of answer through the job's record (no delta): compared in place, same result.
    many.job.files = files;
    many.job.files[12].state = FileState::Failed;
    many.job.files[10].reason.clear();
    show(many);
    QCOMPARE(shownRows(), (QList<int>{10, 12, 200, 250}));
    QVERIFY(view->isColumnHidden(FilesModel::ReasonColumn));
    QCOMPARE(m_panel->filesSummaryText(), QStringLiteral("300 files: 1 done, 4 failed, 295 importing"));
}

void TestDetails::aFailedJobsFilesAreFinal()
{
    JobRecord failed = rec(QStringLiteral("5"), JobState::Failed, QStringLiteral("Failed"), m_now);
    failed.job.importedRows = 100000;
    failed.job.totalRows = 150000;
    failed.job.reason = QStringLiteral("schema not equal");
    failed.job.files = {file(0, FileState::Completed), file(1, FileState::Running)};
    show(failed);
    QVERIFY2(m_panel->factsText().startsWith(QLatin1String("Rows: none kept")), qPrintable(m_panel->factsText()));
    QVERIFY(m_panel->factsToolTip().contains(QLatin1String("leaves nothing in the collection")));
    QCOMPARE(m_files->index(1, FilesModel::StateColumn).data().toString(), QStringLiteral("Stopped"));
    QCOMPARE(m_panel->errorText(), QStringLiteral("schema not equal"));
}
void TestDetails::filesFitTheWindowWithPathsElidedInTheMiddle()
{
    // The demo's failed job at the width of a 1024 px window: long paths that differ only in their end.
    m_panel->resize(1000, 400);
    JobRecord failed = rec(QStringLiteral("6"), JobState::Failed, QStringLiteral("Failed"), m_now);
    const QString dir = QStringLiteral("bulk_data/4abc0d48-a8aa-46a1-bdf9-141737e71893/");
    for (int i = 1; i <= 3; ++i) {
        FileProgress f = file(i, i < 3 ? FileState::Failed : FileState::Completed);
        f.fileName = dir + QStringLiteral("%1.parquet").arg(i);
        f.fileSize = 157850000;
        f.importedRows = 50000;
        f.totalRows = 50000;
        f.completeTime = m_now.addSecs(-60);
        if (i < 3)
            f.reason = QStringLiteral("failed to get file size of '%1', error:NoSuchKey(key=%1): importing data failed").arg(f.fileName);
        failed.job.files << f;
    }
    show(failed);
    QTableView *view = m_panel->filesView();
    QHeaderView *header = view->horizontalHeader();
    QApplication::processEvents();
    int sum = 0;
    for (int c = 0; c < FilesModel::ColumnCount; ++c)
        sum += header->isSectionHidden(c) ? 0 : header->sectionSize(c);
    QVERIFY2(sum <= view->viewport()->width(), qPrintable(QStringLiteral("%1 px of columns in %2").arg(sum).arg(view->viewport()->width())));
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    // Every short column shows its text whole; the reason has a real share of the room.
    // (A cell elides below its text plus the style's margins, 2 x (focus frame margin + 1).)
    const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    for (int c : {int(FilesModel::SizeColumn), int(FilesModel::RowsColumn), int(FilesModel::StateColumn), int(FilesModel::CompletedColumn)}) {
        const QString text = m_files->index(0, c).data().toString();
        QVERIFY2(header->sectionSize(c) >= view->fontMetrics().horizontalAdvance(text) + margins,
                 qPrintable(QStringLiteral("%1: %2 px").arg(text).arg(header->sectionSize(c))));
    }
    QVERIFY(!header->isSectionHidden(FilesModel::ReasonColumn));
    QVERIFY(header->sectionSize(FilesModel::ReasonColumn) >= 150);
    // The path is elided in the middle, so "1.parquet" and "2.parquet" stay apart.
    QStyleOptionViewItem option;
    option.initFrom(view);
    auto *delegate = qobject_cast<MiddleElideDelegate *>(view->itemDelegateForColumn(FilesModel::NameColumn));
    QVERIFY(delegate);
    QVERIFY(header->sectionSize(FilesModel::NameColumn) < view->fontMetrics().horizontalAdvance(failed.job.files[0].fileName));
    QStyleOptionViewItem painted;
    delegate->initStyleOption(&painted, m_files->index(0, FilesModel::NameColumn));
    QCOMPARE(painted.textElideMode, Qt::ElideMiddle);
    // A job whose files have no reason leaves the column out.
    failed.job.files[0].reason.clear();
    failed.job.files[1].reason.clear();
    show(failed);
    QVERIFY(header->isSectionHidden(FilesModel::ReasonColumn));
}

void TestDetails::theCollectionAfterTheImport_data()
{
    QTest::addColumn<QString>("failReason");
    QTest::newRow("searchable") << QString();
    QTest::newRow("index failed") << QStringLiteral("build index failed: knowhere error: out of memory\nsegment 4 of 7");
}

// Against the simulator: the phase in the details goes from building the index (rows counted) to Searchable, with
// the collection's rows beside the job's; a failed index is shown whole and copyable; Refresh load is offered
// only for a loaded collection.
void TestDetails::theCollectionAfterTheImport()
{
    QFETCH(QString, failReason);
    SimScenario s;
    s.indexRowsPerSecond = 50; // 2,000 rows written at 30 s: indexed at 70 s
    s.jobs << timelineJob(QStringLiteral("453240863839750922"));
    SimCollectionSpec spec;
    spec.name = QStringLiteral("quick_setup");
    spec.baseRows = 1000;
    spec.indexFailReason = failReason;
    s.collectionSpecs << spec;
    SimFixture sim(s);
    // Simulated time is set, not run: at 50 s the import has completed (30 s) and the index is half built (done at
    // 70 s), however slowly this machine polls; the searchable end is at 200 s.
    sim.server->engine().freezeAt(failReason.isEmpty() ? 50 : 200);
    ImportService service(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    o.collectionIntervalMs = 100;
    service.setOptions(o);
    FilesModel files;
    JobDetailsPanel panel(&files);
    CollectionSection *section = panel.collectionSection();
    section->setService(&service);
    const QString key = jobKey(QStringLiteral("453240863839750922"));
    QStringList phases;
    connect(&service, &ImportService::jobChanged, &panel, [&](const JobRecord &r) {
        if (r.key() != key)
            return;
        panel.showJob(&r, service.now(), true);
        if (phases.value(phases.size() - 1) != section->phaseText())
            phases << section->phaseText();
    });
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    if (failReason.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(section->phaseText().startsWith(QStringLiteral("Collection quick_setup: Building the index — ")), 30000);
        sim.server->engine().freezeAt(200);
        QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->collection.searchable(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(section->phaseText(), QStringLiteral("Collection quick_setup: Searchable"), 5000);
        const auto building = std::find_if(phases.begin(), phases.end(), [](const QString &p) {
            return p.startsWith(QStringLiteral("Collection quick_setup: Building the index — ")) && p.endsWith(QLatin1String(" rows"));
        });
        QVERIFY2(building != phases.end(), qPrintable(phases.join(QLatin1String(" | "))));
        // The job was first seen completed: its rows come with its first describe, a moment after the list.
        QTRY_COMPARE_WITH_TIMEOUT(section->rowsText(), QStringLiteral("3,000 rows in the collection, 2,000 imported by this job"), 10000);
        QVERIFY(section->failureText().isEmpty());
        QVERIFY(!section->refreshButton()->isHidden()); // loaded through the import: the new rows need a refresh
        // The confirmation: Cancel is the default and sends nothing; the verb button sends refresh_load.
        const QString refresh = QStringLiteral("/v2/vectordb/collections/refresh_load");
        const auto answer = [](bool confirm, bool *cancelWasDefault) {
            QTimer::singleShot(0, [confirm, cancelWasDefault] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                *cancelWasDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
                for (QAbstractButton *b : box->buttons())
                    if (confirm ? b->text() == QStringLiteral("Refresh load") : box->buttonRole(b) == QMessageBox::RejectRole) {
                        b->click();
                        return;
                    }
            });
        };
        bool cancelDefault = false;
        answer(false, &cancelDefault);
        section->refreshLoad();
        QVERIFY(cancelDefault);
        QCOMPARE(sim.server->requestCount(refresh), 0);
        answer(true, &cancelDefault);
        section->refreshLoad();
        QTRY_COMPARE_WITH_TIMEOUT(sim.server->requestCount(refresh), 1, 10000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->collection.indexFailed(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(section->phaseText(), QStringLiteral("Collection quick_setup: Index build failed"), 5000);
        QCOMPARE(section->failureText(), QStringLiteral("Index vector on vector: ") + failReason); // whole, both lines
        auto *text = section->findChild<QPlainTextEdit *>(QStringLiteral("collectionFailure"));
        QVERIFY(text && text->isReadOnly() && (text->textInteractionFlags() & Qt::TextSelectableByMouse));
    }
    panel.showJob(nullptr, service.now(), true);
    QVERIFY(section->phaseText().isEmpty());
}
#endif

QTEST_MAIN(TestDetails)
#include "tst_details.moc"
