#pragma once
// The files of the selected job. Polls of the same job update rows in place.

#include "ImportTypes.h"

#include <QAbstractTableModel>

class FilesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ProgressColumn, NameColumn, SizeColumn, RowsColumn, StateColumn, CompletedColumn, ReasonColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, StateRole, ProgressRole, ReasonRole };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Shows these files; same job and same count: in place, else a reset (a different job was selected).
    void setFiles(const QString &jobKey, const QVector<FileProgress> &files);
    // The service's delta for a job (diffed off the GUI thread): only changedRows are announced; nothing is
    // compared here. Ignored for a job that is not the one shown.
    void applyDelta(const QString &jobKey, const QVector<FileProgress> &files, const QVector<int> &changedRows, bool replaced);
    const FileProgress *file(int row) const;
    static QString stateText(FileState s);
    // The state of the job the files belong to: once it failed or was aborted, no file is "Importing 48 %" any
    // more, and none of its rows are in the collection. Set before setFiles (the details pane does).
    void setJobState(JobState state);
    // The state a file is shown in: its own, made final when the job failed.
    FileState shownState(const FileProgress &f) const;
    int count(FileState shown) const;
    // "300 files: 12 done, 1 failed, 287 importing"; "" without files.
    QString summary() const;

Q_SIGNALS:
    // After an update in place, once, however many dataChanged spans it announced: what looks at every
    // file (a summary) waits for this instead of redoing its work per span. A reset sends modelReset only.
    void filesUpdated();

private:
    bool jobStopped() const { return m_jobState == JobState::Failed || m_jobState == JobState::Cancelled; }

    JobState m_jobState = JobState::Unknown;
    QString m_jobKey;
    QVector<FileProgress> m_files;
};
