#include "DesktopPreferences.h"

#include <QSettings>
#include <algorithm>

namespace DesktopPreferences {

namespace {
const QString kPace = QStringLiteral("polling/pace");
const QString kRetention = QStringLiteral("history/retentionDays");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

Pace pace()
{
    const QString p = QSettings().value(kPace).toString();
    if (p == QLatin1String("gentle"))
        return Pace::Gentle;
    if (p == QLatin1String("brisk"))
        return Pace::Brisk;
    return Pace::Normal;
}

void setPace(Pace p)
{
    QSettings().setValue(kPace, p == Pace::Gentle ? QStringLiteral("gentle") : p == Pace::Brisk ? QStringLiteral("brisk") : QStringLiteral("normal"));
}

int retentionDays()
{
    return std::max(0, QSettings().value(kRetention, 0).toInt());
}

void setRetentionDays(int days)
{
    QSettings().setValue(kRetention, std::max(0, days));
}

QString language()
{
    return QSettings().value(kLanguage).toString();
}

void setLanguage(const QString &code)
{
    QSettings().setValue(kLanguage, code);
}

ImportService::Options pacedOptions(const ImportService::Options &current, Pace p)
{
    // Gentle halves the requests (shared clusters, metered links), Brisk doubles them; all stay within the
    // documented 20 requests per second.
    const double factor = p == Pace::Gentle ? 2.0 : p == Pace::Brisk ? 0.5 : 1.0;
    const ImportService::Options d;
    ImportService::Options o = current;
    const auto scaled = [factor](int ms) { return static_cast<int>(ms * factor); };
    o.selectedIntervalMs = scaled(d.selectedIntervalMs);
    o.runningIntervalMs = scaled(d.runningIntervalMs);
    o.pendingIntervalMs = scaled(d.pendingIntervalMs);
    o.finalizingIntervalMs = scaled(d.finalizingIntervalMs);
    o.listIntervalMs = scaled(d.listIntervalMs);
    o.pagedListIntervalMs = scaled(d.pagedListIntervalMs);
    o.coveredByListIntervalMs = scaled(d.coveredByListIntervalMs);
    // The rate is a ceiling per connection: Gentle halves it, Brisk cannot raise it (the cloud's default is already
    // just under the documented 20/s) and only asks more often; Milvus, which needs few requests, gets half again.
    o.requestsPerSecond = p == Pace::Gentle ? d.requestsPerSecond / 2 : d.requestsPerSecond;
    o.milvusRequestsPerSecond = p == Pace::Gentle ? d.milvusRequestsPerSecond / 2
        : p == Pace::Brisk ? std::min(d.requestsPerSecond, d.milvusRequestsPerSecond * 1.5) : d.milvusRequestsPerSecond;
    return o;
}

void apply(ImportService &service)
{
    service.setOptions(pacedOptions(service.options(), pace()));
    if (const int days = retentionDays(); days > 0)
        service.forgetFinishedBefore(service.now().addDays(-days));
}

QLocale startLocale()
{
    const QString code = language();
    return code.isEmpty() ? QLocale() : QLocale(code);
}

} // namespace DesktopPreferences
