#pragma once
// A saved connection: everything needed to reach a server except the secret, which lives in the keychain.

#include "Endpoint.h"

#include <QString>
#include <QUrl>

struct Connection
{
    enum class Kind { ZillizCloud, Milvus };
    QString id;            // stable, random; also the keychain entry's name
    QString name;
    Kind kind = Kind::Milvus;
    QUrl baseUrl;
    Dialect dialect = Dialect::Auto;
    QString clusterId;
    QString projectId;
    QString regionId;
    QString dbName;
    bool sessionOnlyKey = false; // the user chose not to use the keychain: the key lives in memory only
    bool hasKey = false;         // whether a key was given at all (Milvus without auth has none)
    QString caFile;              // a CA certificate file to trust for this server (PEM)
    // How long the server keeps a finished job (Milvus' dataCoord.import.taskRetention: 3 h by default, 48 h
    // from 2.6.24 / 3.0.2 with a new milvus.yaml): for "forgotten by the server in ~2 h".
    qint64 retentionSeconds = 10800;

    Endpoint endpoint(const QByteArray &token) const;
    // "api.cloud.zilliz.com · cluster in01-…" — for the window, reports and messages; never the key.
    QString describe() const;
    bool isUnencrypted() const;
    // Why this connection cannot be saved as is, or "" when it can.
    QString problem() const;

    static QString newId();
};
