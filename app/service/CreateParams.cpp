#include "CreateParams.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace CreateParams {

QJsonObject toJson(const CreateRequest &req, bool bucketKeysRemembered)
{
    QJsonArray groups;
    for (const QStringList &g : req.fileGroups)
        groups.append(QJsonArray::fromStringList(g));
    return QJsonObject{{QStringLiteral("dbName"), req.dbName},
                       {QStringLiteral("collectionName"), req.collectionName},
                       {QStringLiteral("partitionName"), req.partitionName},
                       {QStringLiteral("files"), groups},
                       {QStringLiteral("options"), req.options},
                       {QStringLiteral("bucketKeysRemembered"), bucketKeysRemembered}};
}

CreateRequest fromJson(const QJsonObject &params)
{
    CreateRequest req;
    req.dbName = params.value(QLatin1String("dbName")).toString();
    req.collectionName = params.value(QLatin1String("collectionName")).toString();
    req.partitionName = params.value(QLatin1String("partitionName")).toString();
    for (const QJsonValue &g : params.value(QLatin1String("files")).toArray()) {
        QStringList group;
        for (const QJsonValue &p : g.toArray())
            group << p.toString();
        req.fileGroups << group;
    }
    req.options = params.value(QLatin1String("options")).toObject();
    return req;
}

bool bucketKeysRemembered(const QJsonObject &params)
{
    return params.value(QLatin1String("bucketKeysRemembered")).toBool();
}

CreateRequest fromServerRecord(const JobRecord &r, const QString &dbName)
{
    CreateRequest req;
    req.collectionName = r.job.collectionName.value_or(QString());
    req.dbName = dbName;
    static const QRegularExpression quoted(QStringLiteral("paths:\"([^\"]*)\""));
    for (const FileProgress &f : r.job.files) {
        QString name = f.fileName.trimmed();
        QStringList group;
        auto it = quoted.globalMatch(name);
        while (it.hasNext())
            group << it.next().captured(1);
        if (group.isEmpty()) {
            if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
                name = name.mid(1, name.size() - 2);
            for (const QString &p : name.split(QLatin1Char(','), Qt::SkipEmptyParts))
                group << p.trimmed();
        }
        if (!group.isEmpty())
            req.fileGroups << group;
    }
    return req;
}

} // namespace CreateParams
