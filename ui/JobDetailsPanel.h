#pragma once
// The selected job in detail: a title, the phase in words (why a job sits at 80 %), rows / throughput / ETA, the
// whole error text, Commit and Abort beside the explanation of a two-phase job, and its files (with a one-line
// summary and a "failed files only" filter for jobs with hundreds of them).

#include <QString>
#include <QWidget>

class CollectionSection;
class FilesModel;
class JobsModel;
class QCheckBox;
class QDateTime;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
struct JobRecord;

class JobDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailsPanel(FilesModel *files, QWidget *parent = nullptr);

    // With the jobs model the pane follows its clock: "No change for …" and the ETA update between answers, and
    // the header says what the table says.
    void setJobsModel(JobsModel *jobs);
    // r == nullptr: nothing selected; the hint is shown only when there is something to select from.
    void showJob(const JobRecord *r, const QDateTime &now, bool haveConnections);

    QTableView *filesView() const { return m_filesView; }
    QString titleText() const;
    QString phaseText() const;
    QString factsText() const;   // rows, rows/s, ETA
    QString factsToolTip() const;
    QString timesText() const;   // created (server), first seen (Bulkwatch), completed
    QString errorText() const;
    QString filesSummaryText() const;
    QPushButton *commitButton() const { return m_commit; }
    QPushButton *abortButton() const { return m_abort; }
    QCheckBox *failedOnlyBox() const { return m_failedOnly; }
    CollectionSection *collectionSection() const { return m_collection; }

Q_SIGNALS:
    // The window asks (with its confirmation) and reports the outcome.
    void commitRequested();
    void abortRequested();

private:
    void showText(const JobRecord &r, const QDateTime &now); // everything but the file rows
    void refreshFromModel();
    void applyFileFilter();                 // every row, then the summary
    void filterRows(int first, int last);   // the failed-only filter for these rows
    void updateFilesSummary();              // the summary line and whether the reason column shows

    FilesModel *m_files;
    JobsModel *m_jobs = nullptr;
    QString m_key;
    QLabel *m_title;
    QLabel *m_phase;
    QPushButton *m_commit;
    QPushButton *m_abort;
    QLabel *m_facts;
    QLabel *m_times;
    QPlainTextEdit *m_error;
    QLabel *m_summary;
    QCheckBox *m_failedOnly;
    QTableView *m_filesView;
    CollectionSection *m_collection;
};
