// Milvus' collection list, for the New import dialog's suggestions: POST /v2/vectordb/collections/list
// {"dbName": ".."} answers {"code": 0, "data": ["a", "b"]}. Kept apart from the import calls it is not part of.

#include "ImportApiClient.h"

#include "ResponseParser.h"

#include <QJsonArray>
#include <QJsonDocument>

void ImportApiClient::listCollections(const Endpoint &ep, const QString &dbName, QObject *context, NamesCallback cb)
{
    const QString path = QStringLiteral("/v2/vectordb/collections/list");
    QJsonObject body;
    const QString db = dbName.isEmpty() ? ep.dbName : dbName;
    if (!db.isEmpty())
        body.insert(QStringLiteral("dbName"), db);
    QPointer<QObject> ctx(context);
    send("POST", ep, path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), [ctx, cb, path](const RawAnswer &a) {
        if (!ctx)
            return;
        if (a.transportError.isError())
            return cb({}, a.transportError);
        const Envelope env = ResponseParser::parseEnvelope(a.status, a.body, path);
        if (env.error.isError())
            return cb({}, env.error);
        QStringList names;
        // Strings as documented; tolerate objects with a name, as some gateways wrap them.
        for (const QJsonValue &v : env.rawData.toArray()) {
            const QString name = v.isObject() ? ResponseParser::toText(v.toObject().value(QLatin1String("collectionName")))
                                              : ResponseParser::toText(v);
            if (!name.isEmpty() && !names.contains(name))
                names << name;
        }
        cb(names, {});
    });
}
