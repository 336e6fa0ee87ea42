// What the jobs table and the details pane say about one job, in one place so both say the same: the state label,
// the progress a user can trust (rows where known), the rows of a failed job, the activity and the throughput.
// Members of JobsModel (its translation context), kept out of JobsModel.cpp to keep that file about the model.

#include "JobsModel.h"

#include "JobFormatter.h"

#include <QLocale>
#include <algorithm>

namespace {
bool nothingKept(const JobRecord &r)
{
    return !r.expired && (r.job.state == JobState::Failed || r.job.state == JobState::Cancelled);
}

bool rowsPhase(const JobProgress &j)
{
    const JobPhase p = jobPhase(j);
    return p == JobPhase::Importing || p == JobPhase::Reading;
}
} // namespace

QString JobsModel::agoText(const QDateTime &t, const QDateTime &now)
{
    const qint64 s = t.secsTo(now);
    if (s < 60)
        return tr("%n second(s) ago", nullptr, static_cast<int>(std::max<qint64>(0, s)));
    if (s < 3600)
        return tr("%n minute(s) ago", nullptr, static_cast<int>(s / 60));
    if (s < 86400)
        return tr("%n hour(s) ago", nullptr, static_cast<int>(s / 3600));
    return tr("%n day(s) ago", nullptr, static_cast<int>(s / 86400));
}

QString JobsModel::stateLabel(const JobRecord &r)
{
    const JobProgress &j = r.job;
    if (r.expired) // short for the table; the last state is in the tooltip and the details
        return tr("Expired");
    if (r.lastError.kind == ErrorKind::NotFound && !r.lastAnswer.isValid())
        return tr("Not found");
    if (r.aborted())
        return tr("Aborted");
    // After the rows: the collection's phase ("Building the index — 3.1 M of 5 M rows") says more than "Completed".
    // A running job only while its index builds: the collection's older rows can be searchable before this job's are.
    const CollectionPhase phase = collectionPhase(r.collection);
    if ((j.state == JobState::Completed && phase != CollectionPhase::None) || (j.state == JobState::Running && phase == CollectionPhase::Building))
        return collectionPhaseText(r.collection);
    if (j.state == JobState::Running && jobPhase(j) == JobPhase::SortingIndexing)
        return tr("Sorting / indexing");
    return stateText(r.displayState());
}

std::optional<double> JobsModel::rowRatio(const JobRecord &r)
{
    const JobProgress &j = r.job;
    if (!j.totalRows || *j.totalRows <= 0 || !j.importedRows)
        return std::nullopt;
    return std::clamp(100.0 * static_cast<double>(*j.importedRows) / static_cast<double>(*j.totalRows), 0.0, 100.0);
}

double JobsModel::shownProgress(const JobRecord &r)
{
    if (r.job.state == JobState::Completed)
        return 100;
    // Milvus' percentage is a stage estimate (rows run from 40 to 70 %): while rows are written, their ratio is
    // what a user can trust. Outside the rows phase (sorting, indexing, queued) the server's stages say more.
    const std::optional<double> ratio = rowRatio(r);
    if (ratio && rowsPhase(r.job) && !nothingKept(r))
        return *ratio;
    return r.job.progress;
}

QString JobsModel::progressTooltip(const JobRecord &r, bool banded)
{
    const JobProgress &j = r.job;
    QStringList lines{jobPhaseText(r.expired ? JobPhase::Gone : jobPhase(j))};
    const std::optional<double> ratio = rowRatio(r);
    if (ratio && rowsPhase(j) && !nothingKept(r))
        lines << tr("The bar shows the rows: %1 of %2 (%3); the server says %4.")
                     .arg(QLocale().toString(*j.importedRows), QLocale().toString(*j.totalRows), JobFormatter::percentText(*ratio),
                          JobFormatter::percentText(j.progress));
    if (banded)
        lines << tr("Milvus reports progress in stages, not rows: queued 0–10 %, reading the files 10–40 %, writing rows "
                    "40–70 %, sorting 70–80 %, building the index 80–90 %, then 100 % when done (99 % while a two-phase "
                    "import waits for its commit).");
    return lines.join(QLatin1Char('\n'));
}

QString JobsModel::rowsLabel(const JobRecord &r)
{
    if (nothingKept(r))
        return tr("none kept");
    return JobFormatter::rowsText(r.job.importedRows, r.job.totalRows);
}

QString JobsModel::rowsTooltip(const JobRecord &r)
{
    if (!nothingKept(r))
        return {};
    QString text = r.job.state == JobState::Cancelled ? tr("The import was aborted: an aborted import leaves nothing in the collection.")
                                                      : tr("The import failed: a failed import leaves nothing in the collection.");
    if (r.job.importedRows && *r.job.importedRows > 0)
        text += QLatin1Char(' ') + tr("The server had read %1 when it stopped; none of them were kept.")
                                       .arg(JobFormatter::rowsText(r.job.importedRows, r.job.totalRows));
    return text;
}

namespace {
// Seconds until the server forgets a finished job, or -1 (not finished, already forgotten, retention unknown).
qint64 forgetsInSeconds(const JobRecord &r, const QDateTime &now, qint64 retentionSeconds)
{
    if (retentionSeconds <= 0 || r.expired || !isTerminal(r.job.state) || !r.endedAt.isValid())
        return -1;
    return std::max<qint64>(0, now.secsTo(r.forgottenAt(retentionSeconds)));
}

// "~2 h", "~40 min": the server's clean-up runs now and then, so no more precision than that.
QString aboutText(qint64 seconds)
{
    if (seconds >= 90 * 60)
        return JobsModel::tr("~%1 h").arg(qRound(seconds / 3600.0));
    return JobsModel::tr("~%1 min").arg(std::max<qint64>(1, (seconds + 59) / 60));
}
} // namespace

QString JobsModel::activityTooltip(const JobRecord &r, const QDateTime &now, qint64 retentionSeconds)
{
    if (r.expired)
        return tr("Forgotten by the server %1; its last state was %2.").arg(agoText(r.expiredAt, now), stateText(r.job.state));
    if (const qint64 in = forgetsInSeconds(r, now, retentionSeconds); in >= 0)
        return tr("The server forgets this job in %1: it keeps finished jobs for %2 (the connection's setting; Milvus: "
                  "3 h by default, 48 h from 2.6.24). Bulkwatch keeps it in its history.")
            .arg(aboutText(in), aboutText(retentionSeconds));
    switch (jobPhase(r.job)) {
    case JobPhase::AwaitingCommit: return tr("Waiting for you: commit or abort the import (Jobs menu or the details).");
    case JobPhase::Waiting: return tr("Queued on the server: nothing moves yet.");
    default: break;
    }
    const QString text = activityText(r, now);
    return text.size() > 12 ? text : QString();
}

QString JobsModel::activityText(const JobRecord &r, const QDateTime &now, qint64 retentionSeconds)
{
    if (r.expired)
        return tr("forgotten %1").arg(agoText(r.expiredAt, now)); // "by the server" is in the tooltip
    if (const qint64 in = forgetsInSeconds(r, now, retentionSeconds); in >= 0)
        return tr("forgotten in %1").arg(aboutText(in));
    if (r.lastError.isError())
        return r.lastError.kindName().replace(QLatin1Char('_'), QLatin1Char(' '));
    switch (jobPhase(r.job)) {
    // Short words for the table's cell; activityTooltip() has the whole sentence.
    case JobPhase::AwaitingCommit: return tr("your turn");
    case JobPhase::Waiting: return tr("queued");
    default: break;
    }
    const qint64 stalled = r.stalledSeconds(now);
    if (stalled >= 120)
        return tr("no change for %n min", nullptr, static_cast<int>(stalled / 60));
    if (stalled >= 0)
        return tr("moving");
    return QString();
}

QString JobsModel::throughputText(const JobRecord &r)
{
    return throughputText(r, r.rowsPerSecond);
}

QString JobsModel::throughputText(const JobRecord &r, double rate)
{
    if (rate <= 0 || isTerminal(r.job.state) || r.expired || !rowsPhase(r.job))
        return QStringLiteral("—");
    return tr("%1 rows/s").arg(QLocale().toString(qRound64(rate)));
}
