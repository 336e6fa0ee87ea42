#include "FilesModel.h"

#include "JobFormatter.h"

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
    switch (role) {
    case StateRole: return int(f->state);
    case ProgressRole: return f->progress;
    case ReasonRole: return f->reason;
    default: break;
    }
    if (role == Qt::DisplayRole) {
        switch (idx.column()) {
        case ProgressColumn: return JobFormatter::percentText(f->progress);
        case NameColumn: return f->fileName;
        case SizeColumn: return JobFormatter::bytesText(f->fileSize);
        case RowsColumn: return JobFormatter::rowsText(f->importedRows, f->totalRows);
        case StateColumn: return stateText(f->state);
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
        case StateColumn: return int(f->state);
        case CompletedColumn: return f->completeTime.toMSecsSinceEpoch();
        default: return data(idx, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (idx.column()) {
        case NameColumn: return f->fileName; // whole on hover
        case ReasonColumn: return f->reason;
        case CompletedColumn: return f->completeTime.isValid() ? JobFormatter::utcText(f->completeTime) : QVariant();
        case StateColumn: return f->serverState.isEmpty() ? QVariant() : tr("The server says “%1”").arg(f->serverState);
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
    for (int i = 0; i <= files.size(); ++i) {
        const bool changed = i < files.size() && files[i] != m_files[i];
        if (changed) {
            m_files[i] = files[i];
            if (first < 0)
                first = i;
        } else if (first >= 0) {
            Q_EMIT dataChanged(index(first, 0), index(i - 1, ColumnCount - 1));
            first = -1;
        }
    }
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
}
