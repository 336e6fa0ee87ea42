#include "FilesModel.h"
#include "FileLabel.h"

#include "JobFormatter.h"

#include <algorithm>

int FilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_files.size());
}

int FilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const FileProgress *FilesModel::file(int row) const
{
    return row >= 0 && row < m_files.size() ? &m_files[row] : nullptr;
}

QString FilesModel::stateText(FileState s)
{
    switch (s) {
    case FileState::Pending: return tr("Pending");
    case FileState::Running: return tr("Importing");
    case FileState::Retrying: return tr("Retrying");
    case FileState::Completed: return tr("Completed");
    case FileState::Failed: return tr("Failed");
    case FileState::Unknown: break;
    }
    return tr("Unknown");
}

QVariant FilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProgressColumn: return tr("Progress");
    case NameColumn: return tr("File");
    case SizeColumn: return tr("Size");
    case RowsColumn: return tr("Rows");
    case StateColumn: return tr("State");
    case CompletedColumn: return tr("Completed");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

QVariant FilesModel::data(const QModelIndex &idx, int role) const
{
    const FileProgress *f = idx.isValid() ? file(idx.row()) : nullptr;
    if (!f)
        return {};
    const FileState shown = shownState(*f);
    switch (role) {
    case StateRole: return int(shown);
    case ProgressRole: return f->progress;
    case ReasonRole: return f->reason;
    default: break;
    }
    if (role == Qt::DisplayRole) {
        switch (idx.column()) {
        case ProgressColumn: return JobFormatter::percentText(f->progress);
        case NameColumn: return FileLabel::label(f->fileName); // "[a.parquet]" -> "a.parquet"; the raw entry on hover
        case SizeColumn: return JobFormatter::bytesText(f->fileSize);
        case RowsColumn: return jobStopped() ? tr("none kept") : JobFormatter::rowsText(f->importedRows, f->totalRows);
        case StateColumn:
            if (jobStopped() && f->state == FileState::Completed)
                return tr("Read, not kept");
            if (jobStopped() && f->state != FileState::Failed)
                return tr("Stopped");
            return stateText(shown);
        case CompletedColumn: return f->completeTime.isValid() ? JobFormatter::localText(f->completeTime) : QStringLiteral("—");
        case ReasonColumn: return f->reason.simplified();
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (idx.column()) {
        case ProgressColumn: return f->progress;
        case SizeColumn: return static_cast<qlonglong>(f->fileSize.value_or(-1));
        case RowsColumn: return static_cast<qlonglong>(f->importedRows.value_or(-1));
        case StateColumn: return int(shown);
        case CompletedColumn: return f->completeTime.toMSecsSinceEpoch();
        default: return data(idx, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (idx.column()) {
        case NameColumn: return f->fileName; // whole, as the server wrote it, on hover
        case ReasonColumn: return f->reason;
        case CompletedColumn: return f->completeTime.isValid() ? JobFormatter::utcText(f->completeTime) : QVariant();
        case StateColumn: {
            QString tip = f->serverState.isEmpty() ? QString() : tr("The server says “%1”").arg(f->serverState);
            if (jobStopped() && f->state != FileState::Failed)
                tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("The job stopped: this file's rows are not in the collection.");
            return tip.isEmpty() ? QVariant() : tip;
        }
        case RowsColumn:
            return jobStopped() ? tr("The job stopped: none of these rows are in the collection (the server had read %1).")
                                      .arg(JobFormatter::rowsText(f->importedRows, f->totalRows))
                                : QVariant();
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (idx.column() == SizeColumn || idx.column() == RowsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void FilesModel::setFiles(const QString &jobKey, const QVector<FileProgress> &files)
{
    if (jobKey != m_jobKey || files.size() != m_files.size()) {
        beginResetModel();
        m_jobKey = jobKey;
        m_files = files;
        endResetModel();
        return;
    }
    if (files.constData() == m_files.constData())
        return; // the same shared list: a delta already announced its changes
    int first = -1;
    bool any = false;
    for (int i = 0; i <= files.size(); ++i) {
        const bool changed = i < files.size() && files[i] != m_files[i];
        if (changed) {
            m_files[i] = files[i];
            if (first < 0)
                first = i;
        } else if (first >= 0) {
            Q_EMIT dataChanged(index(first, 0), index(i - 1, ColumnCount - 1));
            first = -1;
            any = true;
        }
    }
    if (any)
        Q_EMIT filesUpdated();
}

void FilesModel::applyDelta(const QString &jobKey, const QVector<FileProgress> &files, const QVector<int> &changedRows, bool replaced)
{
    if (jobKey != m_jobKey)
        return;
    if (replaced || files.size() != m_files.size()) {
        beginResetModel();
        m_files = files;
        endResetModel();
        return;
    }
    m_files = files;
    // One dataChanged per contiguous span of changed rows (the rows arrive in ascending order).
    for (int i = 0; i < changedRows.size();) {
        int j = i;
        while (j + 1 < changedRows.size() && changedRows[j + 1] == changedRows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(changedRows[i], 0), index(changedRows[j], ColumnCount - 1));
        i = j + 1;
    }
    if (!changedRows.isEmpty())
        Q_EMIT filesUpdated();
}

void FilesModel::setJobState(JobState state)
{
    if (state == m_jobState)
        return;
    m_jobState = state;
    if (!m_files.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_files.size()) - 1, ColumnCount - 1));
        Q_EMIT filesUpdated();
    }
}

FileState FilesModel::shownState(const FileProgress &f) const
{
    return jobStopped() ? FileState::Failed : f.state;
}

int FilesModel::count(FileState shown) const
{
    return static_cast<int>(std::count_if(m_files.cbegin(), m_files.cend(), [&](const FileProgress &f) { return shownState(f) == shown; }));
}

QString FilesModel::summary() const
{
    if (m_files.isEmpty())
        return {};
    QStringList parts;
    const auto add = [&](int n, const QString &text) {
        if (n > 0)
            parts << text;
    };
    const auto raw = [&](FileState st) {
        return static_cast<int>(std::count_if(m_files.cbegin(), m_files.cend(), [&](const FileProgress &f) { return f.state == st; }));
    };
    const int failed = raw(FileState::Failed);
    if (jobStopped()) {
        // The job stopped: every file is final; those that did not fail themselves are simply not kept.
        add(failed, tr("%n failed", nullptr, failed));
        add(static_cast<int>(m_files.size()) - failed, tr("%n not kept", nullptr, static_cast<int>(m_files.size()) - failed));
    } else {
        const int done = raw(FileState::Completed);
        const int importing = raw(FileState::Running) + raw(FileState::Retrying);
        const int pending = raw(FileState::Pending) + raw(FileState::Unknown);
        add(done, tr("%n done", nullptr, done));
        add(failed, tr("%n failed", nullptr, failed));
        add(importing, tr("%n importing", nullptr, importing));
        add(pending, tr("%n waiting", nullptr, pending));
    }
    return tr("%n file(s): %1", nullptr, static_cast<int>(m_files.size())).arg(parts.join(QStringLiteral(", ")));
}
