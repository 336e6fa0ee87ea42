#pragma once
// The selected job in detail: a title, the phase in words (why a job sits at 80 %), the whole error text, and
// its files.

#include <QWidget>

class FilesModel;
class QDateTime;
class QLabel;
class QPlainTextEdit;
class QTableView;
struct JobRecord;

class JobDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailsPanel(FilesModel *files, QWidget *parent = nullptr);

    // r == nullptr: nothing selected; the hint is shown only when there is something to select from.
    void showJob(const JobRecord *r, const QDateTime &now, bool haveConnections);

    QTableView *filesView() const { return m_filesView; }
    QString phaseText() const;
    QString errorText() const;

private:
    FilesModel *m_files;
    QLabel *m_title;
    QLabel *m_phase;
    QPlainTextEdit *m_error;
    QTableView *m_filesView;
};
