#pragma once
// What a user asks the server to import. Plain values: the dialogs, the service and the client share it
// without any of them seeing the others' internals.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

struct CreateRequest
{
    QString dbName;
    QString collectionName;
    QString partitionName;
    QVector<QStringList> fileGroups; // one inner list per file (or per set of NumPy files)
    QByteArray accessKey;            // bucket credentials: for this request only
    QByteArray secretKey;
    QJsonObject options;             // Milvus options, e.g. {"timeout": "300s"}
    // Sent as the Idempotency-Key header (protocol.md §7): a repeat with the same key gets the first job back.
    // Empty = none; the service makes one for every create it sends.
    QString idempotencyKey;
};
