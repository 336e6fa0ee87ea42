#include "HistoryCodec.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <limits>

namespace {
constexpr quint8 kCodecVersion = 1;

void putOptional(QDataStream &s, const std::optional<qint64> &v)
{
    s << bool(v.has_value()) << qint64(v.value_or(0));
}

std::optional<qint64> getOptional(QDataStream &s)
{
    bool has = false;
    qint64 v = 0;
    s >> has >> v;
    return has ? std::optional<qint64>(v) : std::nullopt;
}

std::optional<qint64> jsonInt(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<qint64>(static_cast<qint64>(v.toDouble())) : std::nullopt;
}
} // namespace

namespace HistoryCodec {

QByteArray encodeFiles(const QVector<FileProgress> &files)
{
    QByteArray out;
    out.reserve(static_cast<int>(files.size()) * 96);
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4); // fixed: a newer Qt must read what an older one wrote
    s << kCodecVersion << quint32(files.size());
    for (const FileProgress &f : files) {
        s << f.fileName;
        putOptional(s, f.fileSize);
        s << qint8(f.state) << f.serverState << f.progress;
        putOptional(s, f.importedRows);
        putOptional(s, f.totalRows);
        s << qint64(f.completeTime.isValid() ? f.completeTime.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
        s << f.reason;
    }
    return out;
}

QVector<FileProgress> decodeFiles(const QByteArray &blob)
{
    QDataStream s(blob);
    s.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    quint32 count = 0;
    s >> version >> count;
    if (version != kCodecVersion || s.status() != QDataStream::Ok)
        return {};
    QVector<FileProgress> files;
    files.reserve(static_cast<int>(std::min<quint32>(count, 1u << 20)));
    for (quint32 i = 0; i < count && s.status() == QDataStream::Ok; ++i) {
        FileProgress f;
        qint8 state = 0;
        qint64 completeMs = 0;
        s >> f.fileName;
        f.fileSize = getOptional(s);
        s >> state >> f.serverState >> f.progress;
        f.state = (state >= 0 && state <= int(FileState::Unknown)) ? FileState(state) : FileState::Unknown;
        f.importedRows = getOptional(s);
        f.totalRows = getOptional(s);
        s >> completeMs >> f.reason;
        if (completeMs != std::numeric_limits<qint64>::min())
            f.completeTime = QDateTime::fromMSecsSinceEpoch(completeMs, QTimeZone::utc());
        files << f;
    }
    if (s.status() != QDataStream::Ok)
        return {};
    return files;
}

QVector<FileProgress> decodeLegacyJsonFiles(const QByteArray &json)
{
    QVector<FileProgress> files;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        FileProgress f;
        f.fileName = o.value(QLatin1String("fileName")).toString();
        f.fileSize = jsonInt(o.value(QLatin1String("fileSize")));
        f.serverState = o.value(QLatin1String("serverState")).toString();
        f.state = fileStateFromServer(f.serverState);
        const QString normalised = o.value(QLatin1String("state")).toString();
        for (FileState st : {FileState::Pending, FileState::Running, FileState::Retrying, FileState::Completed, FileState::Failed})
            if (fileStateName(st) == normalised)
                f.state = st;
        f.progress = o.value(QLatin1String("progress")).toDouble();
        f.importedRows = jsonInt(o.value(QLatin1String("importedRows")));
        f.totalRows = jsonInt(o.value(QLatin1String("totalRows")));
        const QString complete = o.value(QLatin1String("completeTime")).toString();
        if (!complete.isEmpty())
            f.completeTime = QDateTime::fromString(complete, Qt::ISODateWithMs).toUTC();
        f.reason = o.value(QLatin1String("reason")).toString();
        files << f;
    }
    return files;
}

} // namespace HistoryCodec
